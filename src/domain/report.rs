//! The report table officials expect (STT, chỉ tiêu, ĐVT, kế hoạch, thực hiện, % KH, cùng kỳ,
//! % so cùng kỳ, đánh giá, ghi chú) and the sentence the year-end review writes for each line.

use rust_decimal::Decimal;

use super::compute::{self, Assessment, Change};
use super::consolidate::{Consolidation, RowConsolidation};
use super::figure::{self, Figure};
use super::number::{self, NumberStyle};
use super::plan::{self, Plan, PlanTarget};
use super::{AdminUnit, Indicator, Lang, Locale, Lock, LockPart, Unit};

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
    /// The target the value is judged against: the plan's own, or for a plan relative to last
    /// year ("tăng 10% so với cùng kỳ") the value it comes to from last year's value. `None`
    /// without a plan, or when last year has no value to go by.
    pub resolved: Option<PlanTarget>,
    /// The year's value: the latest stage present.
    pub current: Option<Figure>,
    pub assessment: Assessment,
    /// Last year's value, at its latest stage.
    pub previous: Option<Figure>,
    pub change: Option<Change>,
    /// Last year's % of plan, as last year's report computed it (see
    /// [`Report::attach_last_year`]); `None` when last year had no plan or no value to judge,
    /// or when last year's report was not read.
    pub previous_percent: Option<Decimal>,
    /// For a unit reporting its wards' sum (or a merged ward's years before the merger): how
    /// the line was added up.
    pub consolidated: Option<RowConsolidation>,
}

/// A ward's report for one year, rows in category then catalogue order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub unit: AdminUnit,
    pub year: i16,
    pub rows: Vec<ReportRow>,
    /// The locks that hold the year (chốt số liệu), oldest first.
    pub locks: Vec<Lock>,
    /// For a unit reporting its wards' sum: which wards were expected and which have data.
    pub consolidation: Option<Consolidation>,
}

impl ReportRow {
    /// Computes one line from what is stored.
    pub fn new(data: IndicatorYear) -> Self {
        let plan = plan::preferred(&data.plans).cloned();
        let current = figure::current(&data.figures).cloned();
        let previous = figure::current(&data.previous).cloned();
        // "Last year" is last year's value at its latest stage, as the change column uses it.
        let resolved = plan
            .as_ref()
            .and_then(|p| p.target.resolve(previous.as_ref().map(|f| f.value)));
        let assessment = compute::assess(
            data.indicator.direction,
            resolved,
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
            resolved,
            current,
            assessment,
            previous,
            change,
            previous_percent: None,
            consolidated: None,
        }
    }

    /// True when the line has something to report that year: a plan or a figure, or for a unit
    /// adding up its wards, a ward's value or plan. Documents and the dashboard list these
    /// lines unless asked for the whole catalogue.
    pub fn is_reported(&self) -> bool {
        self.plan.is_some()
            || self.current.is_some()
            || self
                .consolidated
                .as_ref()
                .is_some_and(|c| c.included > 0 || c.distribution.is_some() || c.plan_sum.is_some())
    }

    /// Whether the plan the % refers to was worked out from other published numbers rather
    /// than published itself. Every face marks such a plan with
    /// [`derived_mark`](super::report_words::derived_mark).
    pub fn plan_is_derived(&self) -> bool {
        self.plan.as_ref().is_some_and(|p| p.derived)
    }

    /// True for a consolidated line not added up but shown as the wards' spread: it has values
    /// (the wards'), though no one value nor one % of plan of its own.
    pub fn is_spread(&self) -> bool {
        self.current.is_none()
            && self
                .consolidated
                .as_ref()
                .is_some_and(|c| c.distribution.is_some())
    }

    /// The plan as the report's plan column shows it: a number or band in the reader's style, a
    /// plan in words as typed ("Dưới 3%"), and for a plan relative to last year what it comes to
    /// ("tăng 10% so với cùng kỳ (≈ 3.090,8)") or that it cannot be worked out.
    pub fn plan_text(&self, locale: Locale) -> Option<String> {
        let plan = self.plan.as_ref()?;
        let text = plan.shown(&self.indicator.unit, locale);
        Some(self.with_resolution(plan, text, None, locale))
    }

    /// [`ReportRow::plan_text`] with a derived plan's mark after it ("2.451,8 (suy ra)"), for a
    /// face that has no note column to say it in.
    pub fn plan_text_marked(&self, locale: Locale) -> Option<String> {
        let mut text = self.plan_text(locale)?;
        if self.plan_is_derived() {
            text.push(' ');
            text.push_str(&super::report_words::derived_mark(locale.lang));
        }
        Some(text)
    }

    /// [`ReportRow::plan_text`] with units ("2.451,8 tấn", "Dưới 3%", "tăng 10% so với cùng kỳ
    /// (≈ 3.090,8 tấn)"), for a line of its own such as the meeting slide's.
    pub fn plan_text_with_unit(&self, locale: Locale) -> Option<String> {
        let plan = self.plan.as_ref()?;
        let unit = &self.indicator.unit;
        let text = plan.shown_with_unit(unit, locale);
        Some(self.with_resolution(plan, text, Some(unit), locale))
    }

    fn with_resolution(
        &self,
        plan: &Plan,
        text: String,
        unit: Option<&Unit>,
        locale: Locale,
    ) -> String {
        let last = self.previous.as_ref().map(|f| f.value);
        match plan
            .target
            .resolution_note(last, self.indicator.precision, unit, locale)
        {
            Some(note) => format!("{text} {note}"),
            None => text,
        }
    }

    /// The value with its unit, as typed digit for digit ("17.416.889.536 đồng").
    pub fn value_text(&self, locale: Locale) -> Option<String> {
        if let Some(spread) = self.spread(locale) {
            return Some(spread);
        }
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
        if let Some(spread) = self.spread(locale) {
            return Some(spread);
        }
        let Locale { lang, style } = locale;
        let current = self.current.as_ref()?;
        Some(format!(
            "{} ({})",
            number::format_exact(current.value, style),
            current.stage.name(lang).to_lowercase()
        ))
    }

    /// For a consolidated line not added up, the wards' spread ("1,2 – 4,5; trung vị 2,3").
    fn spread(&self, locale: Locale) -> Option<String> {
        self.consolidated.as_ref()?.distribution_text(locale)
    }

    /// The verdict column: the status word ("Vượt", "Chưa có số liệu"); for a consolidated line
    /// not added up, how many wards met their plan ("9/12 phường đạt kế hoạch"); for a merged
    /// ward's early year lacking a predecessor's value, that it lacks it.
    pub fn verdict(&self, lang: Lang) -> String {
        let consolidated = self.consolidated.as_ref();
        consolidated
            .and_then(|c| c.distribution_verdict(lang))
            .or_else(|| {
                (self.current.is_none())
                    .then(|| consolidated.and_then(|c| c.gap_text(lang)))
                    .flatten()
            })
            .unwrap_or_else(|| self.assessment.status.word(lang))
    }

    /// The report sentence as the review writes it: "Thu ngân sách ước đạt 17.416.889.536 đồng,
    /// đạt 103% kế hoạch được giao". `None` when there is no figure to report.
    pub fn sentence(&self, locale: Locale) -> Option<String> {
        let reader = locale;
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
        let Some(plan) = self.plan.as_ref() else {
            return Some(head.into_owned());
        };
        let Some(percent) = self.assessment.percent else {
            // A plan relative to last year with no value last year: said, never guessed.
            if self.resolved.is_none() {
                let tail = rust_i18n::t!(
                    "sentence.plan_unresolved",
                    locale = locale,
                    plan = plan.source.phrase(lang),
                    words = plan.shown(&self.indicator.unit, reader)
                );
                return Some(format!("{head}{tail}"));
            }
            return Some(head.into_owned());
        };
        let tail = rust_i18n::t!(
            "sentence.of_plan",
            locale = locale,
            percent = number::format_percent(percent, style),
            plan = plan.source.phrase(lang)
        );
        if !plan.target.is_worded() {
            return Some(format!("{head}{tail}"));
        }
        // The plan in words follows: "đạt 107,1% kế hoạch thành phố giao (dưới 3%)".
        let unit = &self.indicator.unit;
        let mut words = plan.shown_with_unit(unit, reader);
        if let (PlanTarget::Relative(_), Some(PlanTarget::Value(value))) =
            (plan.target, self.resolved)
        {
            let value = plan::approx_text(value, self.indicator.precision, Some(unit), reader);
            words = format!("{words}, ≈\u{a0}{value}");
        }
        Some(format!("{head}{tail} ({words})"))
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
        Self {
            unit,
            year,
            rows,
            locks: Vec::new(),
            consolidation: None,
        }
    }

    /// The report of the lines reported that year only ([`ReportRow::is_reported`]).
    #[must_use]
    pub fn only_reported(mut self) -> Self {
        self.rows.retain(ReportRow::is_reported);
        self
    }

    /// The report with the locks that hold its year.
    #[must_use]
    pub fn with_locks(mut self, locks: Vec<Lock>) -> Self {
        self.locks = locks;
        self
    }

    /// Sets each line's last year % of plan from last year's report of the same unit, matched
    /// by indicator code: a chart draws it beside this year's bar. A line whose indicator last
    /// year's report lacks, or whose % was undefined there (no plan, no value), gets none.
    pub fn attach_last_year(&mut self, last: &Report) {
        let percents: std::collections::HashMap<&str, Decimal> = last
            .rows
            .iter()
            .filter_map(|r| Some((r.indicator.code.as_str(), r.assessment.percent?)))
            .collect();
        for row in &mut self.rows {
            row.previous_percent = percents.get(row.indicator.code.as_str()).copied();
        }
    }

    /// Whether any line has last year's % of plan (a chart then shows it, with its legend).
    pub fn has_last_year(&self) -> bool {
        self.rows.iter().any(|r| r.previous_percent.is_some())
    }

    /// What documents and slides say of the locks: "Số liệu đã chốt ngày 07/01/2022", or per
    /// part ("Số liệu ước đạt đã chốt ngày 20/12/2021"); `None` when nothing is locked.
    pub fn locked_line(&self, lang: Lang) -> Option<String> {
        let lines: Vec<String> = self
            .locks
            .iter()
            .map(|lock| match lock.part {
                LockPart::All => rust_i18n::t!(
                    "lock.locked_on",
                    locale = lang.code(),
                    day = lock.locked.day()
                )
                .into_owned(),
                part => rust_i18n::t!(
                    "lock.part_locked_on",
                    locale = lang.code(),
                    part = part.name(lang),
                    day = lock.locked.day()
                )
                .into_owned(),
            })
            .collect();
        (!lines.is_empty()).then(|| lines.join("; "))
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

    /// The year with the lines reported only, in the report and in the details behind it.
    #[must_use]
    pub fn only_reported(self) -> Self {
        let report = self.report.only_reported();
        let kept: std::collections::HashSet<&str> = report
            .rows
            .iter()
            .map(|r| r.indicator.code.as_str())
            .collect();
        let details = self
            .details
            .into_iter()
            .filter(|d| kept.contains(d.indicator.code.as_str()))
            .collect();
        Self { report, details }
    }

    /// A consolidated report as exports print it: its details are its own lines (the sums, not
    /// the wards' figures).
    pub fn consolidated(report: Report) -> Self {
        let details = report
            .rows
            .iter()
            .map(|row| IndicatorYear {
                indicator: row.indicator.clone(),
                plans: row.plan.iter().cloned().collect(),
                figures: row.current.iter().cloned().collect(),
                previous: row.previous.iter().cloned().collect(),
            })
            .collect();
        Self { report, details }
    }
}

/// A round step for a % of plan axis reaching `top` per cent: about five ticks (0, 20, 40 …;
/// 50s at large ranges), the same in the window's chart and the exported one.
pub fn percent_axis_step(top: f64) -> f64 {
    [10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0]
        .into_iter()
        .find(|step| top / step <= 6.0)
        .unwrap_or(top / 5.0)
}

/// A name wrapped into lines of at most `width` characters (words kept whole where they fit),
/// at most `lines` of them, the last ending "…" when the name goes on: an axis label under a bar
/// says the whole name where there is room, rather than its first 18 letters.
pub fn wrapped_name(name: &str, width: usize, lines: usize) -> String {
    let width = width.max(4);
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in name.split_whitespace() {
        let fits = line.is_empty() || line.chars().count() + 1 + word.chars().count() <= width;
        if !fits {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    let cut = out.len() > lines.max(1);
    out.truncate(lines.max(1));
    let last_width = if cut { width - 1 } else { width };
    for line in &mut out {
        if line.chars().count() > width {
            *line = line.chars().take(width - 1).collect::<String>() + "…";
        }
    }
    if cut && let Some(last) = out.last_mut() {
        let kept: String = last.chars().take(last_width).collect();
        *last = format!("{}…", kept.trim_end());
    }
    out.join("\n")
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

/// A change against last year as a report prints it ("tăng 13,4%", "giảm 0,5 điểm %"), and
/// "bằng cùng kỳ" where there is none to the shown decimal (never "tăng 0%").
pub fn change_text(change: Change, locale: Locale) -> String {
    let Locale { lang, style } = locale;
    let amount = change.amount();
    if change.is_none_shown() {
        return rust_i18n::t!("change.same_as_last_year", locale = lang.code()).into_owned();
    }
    let key = match (change, amount.is_sign_negative()) {
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

/// Sets each year's last year % of plan in one indicator's series (oldest first) from the year
/// before's line, as [`Report::attach_last_year`] does for a whole report: a year whose year
/// before is not in the series (it held no plan nor figure) gets none.
pub fn attach_last_years(series: &mut [(i16, ReportRow)]) {
    for at in 1..series.len() {
        let (before, after) = series.split_at_mut(at);
        let (last_year, last) = &before[at - 1];
        let (year, row) = &mut after[0];
        row.previous_percent = (*last_year == *year - 1)
            .then_some(last.assessment.percent)
            .flatten();
    }
}

/// What a chart's legend calls the lighter bars of last year's % of plan, for a chart of
/// `year`: "Năm trước (2020)".
pub fn last_year_legend(year: i16, lang: Lang) -> String {
    rust_i18n::t!("chart.last_year", locale = lang.code(), year = year - 1).into_owned()
}

/// Last year's % of plan as a tooltip says it, for a chart of `year`: "Năm 2020: 80% kế hoạch".
pub fn last_year_percent_text(
    year: i16,
    percent: Decimal,
    style: NumberStyle,
    lang: Lang,
) -> String {
    rust_i18n::t!(
        "chart.last_year_percent",
        locale = lang.code(),
        year = year - 1,
        percent = number::format_percent(percent, style)
    )
    .into_owned()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::str::FromStr as _;

    use super::*;
    use crate::domain::compute::Status;
    use crate::domain::number::NumberStyle;
    use crate::domain::{Category, Direction, Kind, Lang, PlanSource, Stage};

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn indicator(unit: &str, direction: Direction) -> Indicator {
        Indicator {
            code: "x".into(),
            name_vi: "Sản lượng".into(),
            name_en: "Output".into(),
            category: Category::Economy,
            unit: Unit::new(unit),
            direction,
            kind: Kind::Flow,
            precision: 1,
            archived: false,
            order: 0,
            rules: crate::domain::Rules::NONE,
            aggregation: crate::domain::Aggregation::Sum,
        }
    }

    fn figure(stage: Stage, value: &str) -> Figure {
        Figure {
            stage,
            value: d(value),
            text: value.into(),
            note: String::new(),
        }
    }

    /// A report row for a plan typed as `text`, this year's `value`, and last year's figures.
    fn row(
        (unit, direction): (&str, Direction),
        text: &str,
        value: &str,
        previous: Vec<Figure>,
    ) -> ReportRow {
        let indicator = indicator(unit, direction);
        let (target, _) = PlanTarget::parse(text, &indicator.unit, NumberStyle::Vi).unwrap();
        ReportRow::new(IndicatorYear {
            indicator,
            plans: vec![Plan {
                source: PlanSource::City,
                target,
                text: text.into(),
                original: None,
                derived: false,
                note: String::new(),
            }],
            figures: vec![figure(Stage::Actual, value)],
            previous,
        })
    }

    /// A report of one ward and `year` holding these rows, each given its own code.
    fn report_of(year: i16, rows: Vec<(&str, ReportRow)>) -> Report {
        let mut report = Report::new(
            AdminUnit {
                code: "03142".into(),
                name: "Phường Thanh Trường".into(),
                level: crate::domain::Level::Ward,
                parent_code: None,
                valid_from: None,
                valid_to: None,
                successor_code: None,
                synthetic: false,
            },
            year,
            Vec::new(),
        );
        report.rows = rows
            .into_iter()
            .map(|(code, mut row)| {
                row.indicator.code = code.into();
                row
            })
            .collect();
        report
    }

    #[test]
    fn last_years_percent_is_attached_by_code_and_only_where_last_year_had_one() {
        let higher = ("tấn", Direction::HigherIsBetter);
        let mut this = report_of(
            2021,
            vec![
                ("crop", row(higher, "2.451,8", "2809.8", Vec::new())),
                ("budget", row(higher, "100", "103", Vec::new())),
                ("new", row(higher, "10", "12", Vec::new())),
            ],
        );
        assert!(!this.has_last_year());
        // Last year: the crop at 90% of its plan; the budget with a value but no plan (its row
        // has a plan that cannot resolve: relative, with no year before); "new" absent.
        let mut last = report_of(
            2020,
            vec![
                ("crop", row(higher, "2.000", "1800", Vec::new())),
                ("budget", row(higher, "tăng 10%", "95", Vec::new())),
            ],
        );
        assert_eq!(last.rows[1].assessment.percent, None);
        this.attach_last_year(&last);
        let percents: Vec<Option<Decimal>> = this.rows.iter().map(|r| r.previous_percent).collect();
        assert_eq!(percents, [Some(d("90")), None, None]);
        assert!(this.has_last_year());
        // This year's own numbers stay as they were.
        assert_eq!(this.rows[0].assessment.status, Status::Exceeded);
        // A year attached again takes the new last year whole: nothing stays of the old one.
        last.rows.clear();
        this.attach_last_year(&last);
        assert!(!this.has_last_year());
    }

    #[test]
    fn a_series_takes_last_years_percent_from_the_year_just_before_only() {
        let higher = ("tấn", Direction::HigherIsBetter);
        let mut series = vec![
            (2019, row(higher, "100", "90", Vec::new())),
            (2020, row(higher, "100", "110", Vec::new())),
            // 2021 held nothing: 2022 has no year before to go by.
            (2022, row(higher, "100", "120", Vec::new())),
        ];
        attach_last_years(&mut series);
        let percents: Vec<Option<Decimal>> =
            series.iter().map(|(_, r)| r.previous_percent).collect();
        assert_eq!(percents, [None, Some(d("90")), None]);
    }

    #[test]
    fn a_name_wraps_whole_words_and_says_when_it_goes_on() {
        let name = "Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3)";
        assert_eq!(
            wrapped_name(name, 30, 4),
            "Sản lượng cây trồng (lúa 2 vụ,\nrau màu, cây vụ 3)"
        );
        assert_eq!(wrapped_name(name, 10, 2), "Sản lượng\ncây trồng…");
        assert_eq!(wrapped_name("Thu ngân sách", 30, 4), "Thu ngân sách");
        // A word longer than a line is cut, never left to run over the next bar.
        assert_eq!(wrapped_name("Tổngvốncáccôngtrình", 8, 2), "Tổngvốn…");
    }

    #[test]
    fn the_percent_axis_steps_are_round_and_about_five() {
        assert_eq!(percent_axis_step(100.0), 20.0);
        assert_eq!(percent_axis_step(132.0), 25.0);
        assert_eq!(percent_axis_step(280.0), 50.0);
        assert_eq!(percent_axis_step(1100.0), 200.0);
    }

    #[test]
    fn a_relative_plan_is_judged_against_last_years_latest_stage() {
        let vi = Locale::from(Lang::Vi);
        // Last year's latest stage is the actual (thực hiện), not the estimate.
        let previous = vec![
            figure(Stage::Estimate, "2700"),
            figure(Stage::Actual, "2809.8"),
        ];
        let r = row(
            ("tấn", Direction::HigherIsBetter),
            "tăng 10% so với cùng kỳ",
            "3200",
            previous,
        );
        assert_eq!(r.resolved, Some(PlanTarget::Value(d("3090.78"))));
        assert_eq!(r.assessment.status, Status::Exceeded);
        assert_eq!(
            r.plan_text(vi).as_deref(),
            Some("tăng 10% so với cùng kỳ (≈\u{a0}3.090,8)")
        );
        assert_eq!(
            r.plan_text_with_unit(vi).as_deref(),
            Some("tăng 10% so với cùng kỳ (≈\u{a0}3.090,8 tấn)")
        );
        let sentence = r.sentence(vi).unwrap();
        assert!(
            sentence.ends_with(
                "đạt 103,5% kế hoạch thành phố giao (tăng 10% so với cùng kỳ, ≈\u{a0}3.090,8 tấn)"
            ),
            "{sentence}"
        );
    }

    #[test]
    fn a_relative_plan_without_last_year_is_kept_but_not_compared() {
        let r = row(
            ("tấn", Direction::HigherIsBetter),
            "tăng 10%",
            "3200",
            Vec::new(),
        );
        assert!(r.plan.is_some());
        assert_eq!(r.resolved, None);
        assert_eq!(r.assessment.status, Status::NoPlan);
        assert_eq!(r.assessment.percent, None);
        assert_eq!(
            r.plan_text(Lang::Vi.into()).as_deref(),
            Some("tăng 10% (không tính được: chưa có số liệu năm trước)")
        );
        assert_eq!(
            r.plan_text(Lang::En.into()).as_deref(),
            Some("up 10% on last year (cannot resolve: no value for last year)")
        );
        let sentence = r.sentence(Lang::Vi.into()).unwrap();
        assert!(
            sentence.ends_with(
                "kế hoạch thành phố giao tăng 10%: không tính được vì chưa có số liệu năm trước"
            ),
            "{sentence}"
        );
    }

    #[test]
    fn points_on_a_rate_are_added_to_last_years_rate() {
        let r = row(
            ("%", Direction::LowerIsBetter),
            "giảm 0,5 điểm %",
            "2.7",
            vec![figure(Stage::Final, "3.2")],
        );
        assert_eq!(r.resolved, Some(PlanTarget::Value(d("2.7"))));
        assert_eq!(r.assessment.status, Status::Met);
        assert_eq!(
            r.plan_text(Lang::Vi.into()).as_deref(),
            Some("giảm 0,5 điểm % (≈\u{a0}2,7)")
        );
    }

    #[test]
    fn no_change_on_last_year_reads_same_as_last_year_not_up_0() {
        let vi = Locale::from(Lang::Vi);
        let en = Locale::from(Lang::En);
        // 2.809,8 against 2.809,8, 19 against 19: a flow, a stock, a rate.
        let flow = row(
            ("tấn", Direction::HigherIsBetter),
            "2.451,8",
            "2809.8",
            vec![figure(Stage::Actual, "2809.80")],
        );
        let change = flow.change.unwrap();
        assert_eq!(change_text(change, vi), "bằng cùng kỳ");
        assert_eq!(change_text(change, en), "same as last year");
        for zero in [Change::Percent(d("0")), Change::Points(d("-0.00"))] {
            assert_eq!(change_text(zero, vi), "bằng cùng kỳ");
        }
        // A change that rounds to nothing at the shown decimal is none either.
        assert_eq!(change_text(Change::Percent(d("0.04")), vi), "bằng cùng kỳ");
        assert_eq!(change_text(Change::Points(d("-0.049")), vi), "bằng cùng kỳ");
        // Any change shown keeps its direction.
        assert_eq!(change_text(Change::Percent(d("0.05")), vi), "tăng 0,1%");
        assert_eq!(change_text(Change::Percent(d("-13.44")), vi), "giảm 13,4%");
        assert_eq!(
            change_text(Change::Points(d("-0.5")), vi),
            "giảm 0,5 điểm %"
        );
        assert_eq!(change_text(Change::Points(d("2")), en), "up 2 points");
    }

    #[test]
    fn a_ceiling_is_shown_as_typed_and_judged_by_its_form() {
        let r = row(("%", Direction::HigherIsBetter), "Dưới 3%", "3", Vec::new());
        assert_eq!(r.assessment.status, Status::Met);
        assert_eq!(r.plan_text(Lang::Vi.into()).as_deref(), Some("Dưới 3%"));
        let sentence = r.sentence(Lang::Vi.into()).unwrap();
        assert!(
            sentence.ends_with("đạt 100% kế hoạch thành phố giao (Dưới 3%)"),
            "{sentence}"
        );
    }
}
