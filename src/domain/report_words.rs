//! The words every printed form of the report shares (the Excel workbook, the PDF, the chart
//! picture, the command line's table): the title, the ward line, the column headings, the
//! legend, the chart's captions, and the Roman numerals its categories are headed with. They
//! live once, here, so that every form says the same thing the same way.

use std::fmt::Display;

use super::{AdminUnit, Category, Lang};

/// A column of the report table officials expect, in the table's order: STT, chỉ tiêu, ĐVT,
/// kế hoạch, thực hiện, giai đoạn, % KH, cùng kỳ, % so cùng kỳ, đánh giá, ghi chú.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Number,
    Indicator,
    Unit,
    Plan,
    Value,
    Stage,
    PercentOfPlan,
    Previous,
    Change,
    Status,
    Note,
}

impl Column {
    /// Every column, in the table's order.
    pub const ALL: [Self; 11] = [
        Self::Number,
        Self::Indicator,
        Self::Unit,
        Self::Plan,
        Self::Value,
        Self::Stage,
        Self::PercentOfPlan,
        Self::Previous,
        Self::Change,
        Self::Status,
        Self::Note,
    ];

    /// The translation key of the column's heading, for tables of headings built at compile
    /// time.
    pub const fn key(self) -> &'static str {
        match self {
            Self::Number => "report.col.number",
            Self::Indicator => "report.col.indicator",
            Self::Unit => "report.col.unit",
            Self::Plan => "report.col.plan",
            Self::Value => "report.col.value",
            Self::Stage => "report.col.stage",
            Self::PercentOfPlan => "report.col.percent_of_plan",
            Self::Previous => "report.col.previous",
            Self::Change => "report.col.change",
            Self::Status => "report.col.status",
            Self::Note => "report.col.note",
        }
    }

    /// The column's heading ("% KH", "Đánh giá").
    pub fn heading(self, lang: Lang) -> String {
        rust_i18n::t!(self.key(), locale = lang.code()).into_owned()
    }
}

/// The numeral of the report's `n`th category, counted from 1: I, II, III, IV, … as Vietnamese
/// reports number their sections, for any number of categories (there is no numeral for 0).
pub fn category_numeral(n: usize) -> String {
    const DIGITS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while rest >= value {
            out.push_str(digits);
            rest -= value;
        }
    }
    out
}

/// The heading line of the report's `n`th category ("II. Ngân sách").
pub fn category_heading(n: usize, category: Category, lang: Lang) -> String {
    format!("{}. {}", category_numeral(n), category.name(lang))
}

/// The report's title for a year, or for a list of years ("2020, 2021"): "BÁO CÁO KẾT QUẢ THỰC
/// HIỆN CÁC CHỈ TIÊU NĂM 2021".
pub fn title(years: impl Display, lang: Lang) -> String {
    rust_i18n::t!("report.title", locale = lang.code(), year = years).into_owned()
}

/// The line under the title naming the ward: "Phường Thanh Trường (mã 03142)".
pub fn ward_line(unit: &AdminUnit, lang: Lang) -> String {
    rust_i18n::t!(
        "report.ward",
        locale = lang.code(),
        unit = unit.name,
        code = unit.code
    )
    .into_owned()
}

/// What a report of generated wards says of itself, after its ward line: "DỮ LIỆU GIẢ LẬP".
pub fn synthetic_mark(lang: Lang) -> String {
    rust_i18n::t!("report.synthetic", locale = lang.code()).into_owned()
}

/// The mark a plan worked out from other published numbers carries wherever it is printed or
/// shown beside its number or its source: "(suy ra)". One wording for every face: the command
/// line's and the workbook's note column, the PDF's and the Word annex's plan cell, the
/// dashboard's.
pub fn derived_mark(lang: Lang) -> String {
    rust_i18n::t!("report.derived", locale = lang.code()).into_owned()
}

/// How to read the table: what % of plan and the change on last year are, what an empty cell
/// means.
pub fn legend(lang: Lang) -> String {
    rust_i18n::t!("report.legend", locale = lang.code()).into_owned()
}

/// The chart's title: "% kế hoạch năm 2021 — Phường Thanh Trường".
pub fn chart_title(year: i16, unit: &AdminUnit, lang: Lang) -> String {
    rust_i18n::t!(
        "report.chart.title",
        locale = lang.code(),
        year = year,
        unit = unit.name
    )
    .into_owned()
}

/// The name of the chart's 100% line: "Mục tiêu 100%".
pub fn chart_target(lang: Lang) -> String {
    rust_i18n::t!("report.chart.target", locale = lang.code()).into_owned()
}

/// What a chart without bars says: no indicator has both a plan and a figure.
pub fn chart_empty(lang: Lang) -> String {
    rust_i18n::t!("report.chart.empty", locale = lang.code()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_are_numbered_in_roman_past_ten() {
        let numerals: Vec<String> = (1..=12).map(category_numeral).collect();
        assert_eq!(
            numerals,
            [
                "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"
            ]
        );
        assert_eq!(category_numeral(14), "XIV");
        assert_eq!(category_numeral(49), "XLIX");
        assert_eq!(category_numeral(1994), "MCMXCIV");
        assert_eq!(category_numeral(0), "");
        assert_eq!(
            category_heading(2, Category::Budget, Lang::Vi),
            "II. Ngân sách"
        );
    }

    #[test]
    fn every_column_has_a_heading_in_both_languages() {
        for column in Column::ALL {
            for lang in [Lang::Vi, Lang::En] {
                let heading = column.heading(lang);
                assert!(
                    !heading.is_empty() && heading != column.key(),
                    "{column:?} {lang:?}"
                );
            }
        }
        assert_eq!(Column::PercentOfPlan.heading(Lang::Vi), "% KH");
        assert_eq!(
            title(2021, Lang::Vi),
            "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2021"
        );
        assert_eq!(chart_target(Lang::En), "Target 100%");
    }
}
