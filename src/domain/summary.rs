//! The one-glance summary leaders read first: "2/2 chỉ tiêu có kế hoạch đạt và vượt kế hoạch"
//! (the form year-end reports use: met and exceeded over the indicators with both a plan and a
//! value), then each status counted and the indicators not met named; for a unit with nothing
//! that year, that it has nothing ("Chưa có kế hoạch, số liệu năm 2025").

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
    /// A consolidated line not added up but shown as its wards' spread ("47,8 – 91,4; trung vị
    /// 60,3", "5/5 phường đạt kế hoạch"): it has values, so it is not "no data", and it has no
    /// one % of plan, so it is no verdict either.
    pub by_ward: usize,
    /// Lines with a plan or a figure that year ([`super::report::ReportRow::is_reported`]):
    /// with none, the summary says the unit has nothing that year rather than count zeros.
    pub reported: usize,
    /// The report's year.
    pub year: i16,
    /// The names of the indicators not met, in report order.
    pub not_met_names: Vec<String>,
}

impl Summary {
    /// Counts the lines of `report`, names in `lang`.
    pub fn of(report: &Report, lang: Lang) -> Self {
        let mut summary = Self {
            year: report.year,
            ..Self::default()
        };
        for row in &report.rows {
            if row.is_reported() {
                summary.reported += 1;
            }
            if row.is_spread() {
                summary.by_ward += 1;
                continue;
            }
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

    /// True when no line has a plan or a figure that year.
    pub fn is_empty(&self) -> bool {
        self.reported == 0
    }

    /// "Chưa có kế hoạch, số liệu năm 2025": what a unit with nothing that year reads instead of
    /// its lines counted (all zeros, or every line "no data").
    pub fn nothing_line(&self, lang: Lang) -> String {
        rust_i18n::t!(
            "summary.nothing_that_year",
            locale = lang.code(),
            year = self.year
        )
        .into_owned()
    }

    /// "vượt 2, đạt 0, không đạt 0, chưa có kế hoạch 6, chưa có số liệu 21", then the lines shown
    /// ward by ward where there are ("tổng hợp theo từng phường 6"), then the indicators not met
    /// named; the counts add up to the report's lines. For a unit with nothing that year,
    /// [`Summary::nothing_line`].
    pub fn counts(&self, lang: Lang) -> String {
        if self.is_empty() {
            return self.nothing_line(lang);
        }
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
        if self.by_ward > 0 {
            text.push_str(", ");
            text.push_str(&rust_i18n::t!(
                "summary.by_ward",
                locale = locale,
                count = self.by_ward
            ));
        }
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
            reported: 3,
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

    /// A store of `wards` synthetic wards with two years of figures for the whole catalogue.
    fn synthetic(dir: &std::path::Path, wards: u32) -> crate::store::Store {
        let mut store = crate::store::Store::create(&dir.join("s.db")).unwrap();
        crate::demo::seed_reference_data(&store).unwrap();
        let spec = crate::demo::synthetic::Spec {
            wards,
            years: 2,
            indicators: 29,
            seed: 7,
        };
        crate::demo::synthetic::generate(&mut store, spec, |_, _| {}).unwrap();
        store
    }

    #[test]
    fn a_unit_with_nothing_that_year_says_so_instead_of_counting_zeros() {
        let dir = tempfile::tempdir().unwrap();
        let store = synthetic(dir.path(), 2);
        let (unit, _) = store.unit_for("SYN0001", 2025).unwrap();
        // 2020 holds nothing: the lines listed (none) and the whole catalogue say the same.
        let whole = store.report(unit, 2020).unwrap();
        assert!(!whole.rows.is_empty());
        for report in [whole.clone().only_reported(), whole] {
            let summary = Summary::of(&report, Lang::Vi);
            assert!(summary.is_empty());
            assert_eq!(summary.headline(Lang::Vi), None);
            assert_eq!(summary.line(Lang::Vi), "Chưa có kế hoạch, số liệu năm 2020");
            assert_eq!(summary.counts(Lang::Vi), summary.line(Lang::Vi));
            assert_eq!(
                Summary::of(&report, Lang::En).line(Lang::En),
                "No plan or figure for 2020"
            );
        }
        // A year with figures counts its lines as before.
        let year = Summary::of(&store.report(unit, 2025).unwrap().only_reported(), Lang::Vi);
        assert!(!year.is_empty());
        assert!(
            year.counts(Lang::Vi).starts_with("vượt "),
            "{}",
            year.counts(Lang::Vi)
        );
    }

    #[test]
    fn a_provinces_lines_shown_ward_by_ward_count_by_themselves_not_as_no_data() {
        let dir = tempfile::tempdir().unwrap();
        let store = synthetic(dir.path(), 3);
        let (province, _) = store.unit_for("SYNP", 2025).unwrap();
        let report = store.report(province, 2025).unwrap().only_reported();
        let spread = report.rows.iter().filter(|r| r.is_spread()).count();
        assert!(spread > 0, "the rates are shown as the wards' spread");
        let summary = Summary::of(&report, Lang::Vi);
        assert_eq!(summary.by_ward, spread);
        // Every line has its wards' figures: none lacks data.
        assert_eq!(summary.no_data, 0);
        // The counts add up to the lines listed.
        assert_eq!(
            summary.judged() + summary.no_plan + summary.no_data + summary.by_ward,
            report.rows.len()
        );
        let counts = summary.counts(Lang::Vi);
        assert!(
            counts.contains(&format!(
                "chưa có số liệu 0, tổng hợp theo từng phường {spread}"
            )),
            "{counts}"
        );
        assert!(
            Summary::of(&report, Lang::En)
                .counts(Lang::En)
                .contains(&format!("no figures 0, shown ward by ward {spread}")),
        );
        // A ward's summary has no such part.
        let (ward, _) = store.unit_for("SYN0001", 2025).unwrap();
        let ward = Summary::of(&store.report(ward, 2025).unwrap(), Lang::Vi);
        assert_eq!(ward.by_ward, 0);
        assert!(!ward.counts(Lang::Vi).contains("theo từng phường"));
    }
}
