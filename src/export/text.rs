//! The report sentences as the year-end review writes them ("Thu ngân sách ước đạt
//! 17.416.889.536 đồng, đạt 103% kế hoạch được giao."), one per indicator with a figure, under a
//! heading per ward.

use crate::domain::Locale;

use super::WardYear;

/// The sentences of every ward, a heading line per ward, a blank line between wards.
pub fn sentences(wards: &[WardYear], locale: Locale) -> String {
    let lang = locale.lang;
    let mut out = String::new();
    for (index, ward) in wards.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let report = &ward.report;
        out.push_str(&rust_i18n::t!(
            "export.text.heading",
            locale = lang.code(),
            unit = report.unit.name,
            year = report.year
        ));
        out.push('\n');
        if let Some(consolidation) = &report.consolidation {
            out.push_str(&format!("({})\n", consolidation.line(lang)));
        }
        let summary = crate::domain::summary::Summary::of(report, lang);
        out.push_str(&summary.line(lang));
        out.push_str(".\n");
        if let Some(locked) = report.locked_line(lang) {
            out.push_str(&format!("({locked})\n"));
        }
        for sentence in report.sentences(locale) {
            out.push_str("- ");
            out.push_str(&sentence);
            out.push_str(".\n");
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::Lang;

    #[test]
    fn the_sentences_read_as_the_article() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::demo::create_demo(&dir.path().join("d.db")).unwrap();
        let (unit_id, unit) = store.unit_for("03142", 2021).unwrap();
        let ward = WardYear::new(unit, 2021, store.year_data(unit_id, 2021).unwrap());
        let text = sentences(std::slice::from_ref(&ward), Lang::Vi.into());
        assert!(
            text.starts_with("Phường Thanh Trường, năm 2021\n"),
            "{text}"
        );
        assert!(text.contains(
            "- Thu ngân sách ước đạt 17.416.889.536 đồng, đạt 103% kế hoạch được giao.\n"
        ));
        assert!(text.contains("đạt 2.809,8 tấn, đạt 114,6% kế hoạch thành phố giao.\n"));
        assert!(text.contains("- Doanh thu thương mại - dịch vụ ước đạt 208 tỷ đồng.\n"));
        // The heading, the one-glance summary, then a sentence per indicator with a figure.
        assert!(
            text.contains(
                "\n2/2 chỉ tiêu có kế hoạch đạt và vượt kế hoạch (vượt 2, đạt 0, không đạt 0, \
                 chưa có kế hoạch 6, chưa có số liệu 21).\n"
            ),
            "{text}"
        );
        assert_eq!(text.lines().count(), 2 + 8);
        let en = sentences(&[ward], Lang::En.into());
        assert!(
            en.contains(
                "Budget revenue is estimated at 17,416,889,536 VND, 103% of the assigned plan."
            ),
            "{en}"
        );
    }
}
