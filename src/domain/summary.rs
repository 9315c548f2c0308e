//! The one-glance summary leaders read first: "2/2 chỉ tiêu có kế hoạch đạt và vượt kế hoạch"
//! (the form year-end reports use: met and exceeded over the indicators with both a plan and a
//! value), then each status counted and the indicators not met named.

use super::Lang;
use super::compute::Status;
use super::report::Report;

/// A report's lines counted by status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub exceeded: usize,
    pub met: usize,
    pub not_met: usize,
    /// A value but no plan to judge it by.
    pub no_plan: usize,
    /// No value yet.
    pub no_data: usize,
    /// The names of the indicators not met, in report order.
    pub not_met_names: Vec<String>,
}

impl Summary {
    /// Counts the lines of `report`, names in `lang`.
    pub fn of(report: &Report, lang: Lang) -> Self {
        let mut summary = Self::default();
        for row in &report.rows {
            match row.assessment.status {
                Status::Exceeded => summary.exceeded += 1,
                Status::Met => summary.met += 1,
                Status::NotMet => {
                    summary.not_met += 1;
                    summary
                        .not_met_names
                        .push(row.indicator.name(lang).to_owned());
                }
                Status::NoPlan => summary.no_plan += 1,
                Status::NoData => summary.no_data += 1,
            }
        }
        summary
    }

    /// Lines with both a plan and a value: the ones a verdict counts.
    pub fn judged(&self) -> usize {
        self.exceeded + self.met + self.not_met
    }

    /// "2/2 chỉ tiêu có kế hoạch đạt và vượt kế hoạch"; `None` when no line has both a plan
    /// and a value.
    pub fn headline(&self, lang: Lang) -> Option<String> {
        (self.judged() > 0).then(|| {
            rust_i18n::t!(
                "summary.headline",
                locale = lang.code(),
                reached = self.exceeded + self.met,
                judged = self.judged()
            )
            .into_owned()
        })
    }

    /// "vượt 2, đạt 0, không đạt 0, chưa có kế hoạch 6, chưa có số liệu 21", then the
    /// indicators not met named.
    pub fn counts(&self, lang: Lang) -> String {
        let locale = lang.code();
        let mut text = rust_i18n::t!(
            "summary.counts",
            locale = locale,
            exceeded = self.exceeded,
            met = self.met,
            not_met = self.not_met,
            no_plan = self.no_plan,
            no_data = self.no_data
        )
        .into_owned();
        if !self.not_met_names.is_empty() {
            text.push_str(&rust_i18n::t!(
                "summary.not_met",
                locale = locale,
                names = self.not_met_names.join("; ")
            ));
        }
        text
    }

    /// The headline and the counts on one line, as documents print them.
    pub fn line(&self, lang: Lang) -> String {
        match self.headline(lang) {
            Some(headline) => format!("{headline} ({})", self.counts(lang)),
            None => self.counts(lang),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_year_reads_two_of_two_with_six_lacking_a_plan() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::demo::create_demo(&dir.path().join("d.db")).unwrap();
        let (unit, _) = store.unit_for("03142", 2021).unwrap();
        let report = store.report(unit, 2021).unwrap();
        let summary = Summary::of(&report, Lang::Vi);
        assert_eq!(
            (
                summary.exceeded,
                summary.met,
                summary.not_met,
                summary.no_plan
            ),
            (2, 0, 0, 6)
        );
        assert_eq!(summary.no_data, report.rows.len() - 8);
        assert_eq!(
            summary.headline(Lang::Vi).as_deref(),
            Some("2/2 chỉ tiêu có kế hoạch đạt và vượt kế hoạch")
        );
        assert_eq!(
            summary.headline(Lang::En).as_deref(),
            Some("2 of 2 indicators with a plan met or exceeded it")
        );
        assert!(
            summary
                .counts(Lang::Vi)
                .starts_with("vượt 2, đạt 0, không đạt 0, chưa có kế hoạch 6"),
            "{}",
            summary.counts(Lang::Vi)
        );
    }

    #[test]
    fn the_indicators_not_met_are_named_and_no_plan_means_no_headline() {
        let summary = Summary {
            exceeded: 1,
            not_met: 2,
            not_met_names: vec!["Thu ngân sách".into(), "Tỷ lệ hộ nghèo".into()],
            ..Summary::default()
        };
        assert_eq!(
            summary.headline(Lang::Vi).as_deref(),
            Some("1/3 chỉ tiêu có kế hoạch đạt và vượt kế hoạch")
        );
        assert!(
            summary
                .counts(Lang::Vi)
                .ends_with("; không đạt: Thu ngân sách; Tỷ lệ hộ nghèo"),
            "{}",
            summary.counts(Lang::Vi)
        );
        assert_eq!(Summary::default().headline(Lang::Vi), None);
    }
}
