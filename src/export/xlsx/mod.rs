//! The Excel export: the workbook a ward sends up and a city or province office consolidates,
//! one file per sheet and one for the cell formats (`styles.rs`).
//!
//! - Sheet 1 (`report.rs`, "Báo cáo" / "Report") is the report table officials expect: a title
//!   with the ward and the year, then the columns STT, chỉ tiêu, ĐVT, kế hoạch, ước TH / thực
//!   hiện, giai đoạn, % KH, cùng kỳ năm trước, % so cùng kỳ, đánh giá, ghi chú, rows grouped by
//!   category under Roman-numbered headings (I, II, …), every number a real numeric cell, the
//!   status as words, a frozen header, set widths and an A4 landscape print setup one page wide
//!   with the header repeated on every page.
//! - Sheet 2 (`chart.rs`, "Biểu đồ" / "Chart") is a native Excel chart of % of plan with the 100%
//!   target drawn as a line, over a small table on the same sheet that the chart reads.
//! - Sheet 3 (`figures.rs`, "Số liệu" / "Figures") lists every plan and every figure of the year,
//!   one row each: all stages, the text as typed, notes, plan sources, the derived flag, with
//!   stable codes beside the words so that a later import can read it back in either language.
//!
//! The status words are the domain's assessment ([`crate::domain::compute::assess`]): where more
//! is better, Vượt above 100% of plan, Đạt at 100% to display precision (one decimal: 99,96%
//! shows as 100,0% and is met), Không đạt below; under a cap, at the cap is Đạt and below it
//! Vượt; an exact plan is Đạt only when the value equals it at the indicator's precision, a band
//! when the value lies inside it; Chưa có kế hoạch for a value without a plan, Chưa có số liệu
//! without a value. The note column names the plan the % refers to ("Kế hoạch thành phố giao
//! (suy ra)") before the figure's own note.
//!
//! Several wards go into one table, not one block per ward: a city office filters, sorts and
//! pivots the consolidated file, so every row (category headings included) carries the ward's
//! code and name in two leading columns under an autofilter, each ward starts a new printed page,
//! and the chart shows the first ward that has a % of plan. A single ward's table has no ward
//! columns: its title names the ward.
//!
//! Numbers: a workbook cannot carry a locale, so cells hold plain doubles with the built-in
//! styles `#,##0` / `#,##0.0` … at each indicator's precision, and Excel shows them with the
//! reader's separators (2.809,8 on a Vietnamese Windows). % of plan is the number 114.6 shown as
//! `114.6%` by a `0.0"%"` style, not a 1.146 fraction. No plan or no figure is an empty cell,
//! never 0. A plan band ("6,6 – 6,8") is text in the export's language. The change against last
//! year follows [`Change`](crate::domain::Change): a signed % change for flows and stocks,
//! percentage points for rates ("+0,5 điểm %"), each with its own style, both rounded as the
//! report shows them.
//!
//! Speed: sheets 1 and 3 are written row by row in rust_xlsxwriter's low-memory mode (one row in
//! memory, repeated strings shared), on two threads side by side; every [`Format`] is built
//! once, the figures sheet styles its columns rather than its cells, and the words each row uses
//! are translated once per export. The zip is compressed at Excel's own level (3), not 6.
//! `cargo bench --bench export` times the workbook of 334 synthetic wards × 50 indicators.
//!
//! [`Format`]: rust_xlsxwriter::Format

mod chart;
pub mod compare;
mod figures;
mod report;
mod styles;

use std::collections::BTreeSet;
use std::path::Path;

use rust_decimal::Decimal;
use rust_xlsxwriter::{ColNum, DocProperties, Workbook, Worksheet, XlsxError};

use self::styles::Styles;
use super::{ExportError, WardYear};
use crate::domain::compute::Status;
use crate::domain::number::NumberStyle;
use crate::domain::report_words;
use crate::domain::{Category, Lang, Locale, PlanSource, Stage};

/// Writes the wards' year as an Excel workbook at `path`.
///
/// The caller ([`super::write`]) writes to a temporary name and renames it into place, so a
/// failure here never leaves a half-written file where the user expects one.
pub fn write(wards: &[WardYear], locale: Locale, path: &Path) -> Result<(), ExportError> {
    let Some(first) = wards.first() else {
        return Err(ExportError::Empty);
    };
    build(wards, first, locale, path).map_err(|e| crate::export::workbook_error(path, e))
}

fn build(
    wards: &[WardYear],
    first: &WardYear,
    locale: Locale,
    path: &Path,
) -> Result<(), XlsxError> {
    let lang = locale.lang;
    let words = Words::new(locale);
    let styles = Styles::new(lang);
    let years = year_list(wards);
    let mut workbook = Workbook::new();
    // Excel's own level: about a third faster to save than the default 6, files ~5% bigger.
    workbook.set_zip_compression_level(3);
    workbook.set_properties(
        &DocProperties::new()
            .set_title(report_words::title(&years, lang))
            .set_author("ward-kpi"),
    );

    let mut report = workbook.new_worksheet_with_low_memory()?;
    report.set_name(tr("export.xlsx.sheet.report", lang))?;
    let mut figures = workbook.new_worksheet_with_low_memory()?;
    figures.set_name(tr("export.xlsx.sheet.figures", lang))?;
    // The two big sheets are written side by side, each row by row on its own thread.
    std::thread::scope(|scope| {
        let figures_written = scope.spawn(|| figures::write(&mut figures, wards, &words, &styles));
        let report_written = report::write(&mut report, wards, &years, &words, &styles);
        let figures_written = figures_written
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        report_written.and(figures_written)
    })?;
    workbook.push_worksheet(report);

    let chart = workbook.add_worksheet();
    chart.set_name(tr("export.xlsx.sheet.chart", lang))?;
    // Of several wards, the chart shows the first one that has a % of plan to show.
    let charted = wards
        .iter()
        .find(|w| w.report.rows.iter().any(|r| r.assessment.percent.is_some()))
        .unwrap_or(first);
    chart::write(chart, wards.len(), charted, &words, &styles)?;

    workbook.push_worksheet(figures);
    workbook.save(path)
}

/// The words every row repeats, translated once per export.
pub(super) struct Words {
    pub(super) lang: Lang,
    /// The style of numbers written as text (bands, counts).
    pub(super) style: NumberStyle,
    categories: [String; 6],
    stages: [String; 3],
    statuses: [String; 5],
    sources: [String; 4],
    /// "(suy ra)": a plan derived from other published numbers, not published itself.
    pub(super) derived: String,
}

impl Words {
    fn new(Locale { lang, style }: Locale) -> Self {
        Self {
            lang,
            style,
            categories: Category::ALL.map(|c| c.name(lang)),
            stages: Stage::ALL.map(|s| s.name(lang)),
            statuses: Status::ALL.map(|s| s.word(lang)),
            sources: PlanSource::ALL.map(|s| capitalised(&s.phrase(lang))),
            derived: crate::domain::report_words::derived_mark(lang),
        }
    }

    pub(super) fn category(&self, category: Category) -> &str {
        let i = Category::ALL.iter().position(|c| *c == category);
        i.map_or("", |i| &self.categories[i])
    }

    pub(super) fn stage(&self, stage: Stage) -> &str {
        let i = Stage::ALL.iter().position(|s| *s == stage);
        i.map_or("", |i| &self.stages[i])
    }

    pub(super) fn status(&self, status: Status) -> &str {
        let i = Status::ALL.iter().position(|s| *s == status);
        i.map_or("", |i| &self.statuses[i])
    }

    /// The plan's source as a heading ("Kế hoạch thành phố giao").
    pub(super) fn source_heading(&self, source: PlanSource) -> &str {
        let i = PlanSource::ALL.iter().position(|s| *s == source);
        i.map_or("", |i| &self.sources[i])
    }
}

/// A4 landscape, one page wide, centred, with page numbers in the footer.
pub(super) fn page_setup(sheet: &mut Worksheet, lang: Lang) {
    sheet
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3)
        .set_footer(format!("&C{}", tr("export.xlsx.footer", lang)));
}

/// Powers of ten that a double holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The double nearest to an exact decimal, which is what Excel stores.
///
/// A mantissa below 2^53 and a power of ten up to 10^22 are both exact doubles, so one division
/// rounds correctly; anything larger goes through the standard library's correctly rounded
/// parser.
pub(super) fn to_f64(value: Decimal) -> f64 {
    const EXACT_MANTISSA: i128 = 1 << 53;
    let mantissa = value.mantissa();
    let power = usize::try_from(value.scale())
        .ok()
        .and_then(|s| EXACT_POWERS.get(s));
    match power {
        Some(power) if mantissa.abs() < EXACT_MANTISSA => {
            // Both casts and the division are exact or correctly rounded: the mantissa is
            // below 2^53.
            mantissa as f64 / power
        }
        _ => value
            .to_string()
            .parse()
            .unwrap_or_else(|_| rust_decimal::prelude::ToPrimitive::to_f64(&value).unwrap_or(0.0)),
    }
}

/// The years of the export as the title writes them ("2021", or "2020, 2021").
fn year_list(wards: &[WardYear]) -> String {
    let years: BTreeSet<i16> = wards.iter().map(|w| w.report.year).collect();
    years
        .iter()
        .map(i16::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The text with its first letter in capitals ("kế hoạch …" → "Kế hoạch …").
pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

pub(super) fn col_num(i: usize) -> ColNum {
    ColNum::try_from(i).unwrap_or(ColNum::MAX)
}

pub(super) fn tr(key: &str, lang: Lang) -> String {
    rust_i18n::t!(key, locale = lang.code()).into_owned()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(super) mod tests {
    use std::collections::BTreeMap;
    use std::io::Read as _;
    use std::str::FromStr as _;

    use super::*;

    pub(super) fn demo_ward() -> WardYear {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::demo::create_demo(&dir.path().join("d.db")).unwrap();
        let (unit_id, unit) = store.unit_for("03142", 2021).unwrap();
        WardYear::new(unit, 2021, store.year_data(unit_id, 2021).unwrap())
    }

    /// Every part of the workbook's zip, by name.
    pub(super) fn parts(path: &Path) -> BTreeMap<String, String> {
        let file = std::fs::File::open(path).unwrap();
        let mut archive = zip::ZipArchive::new(file).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut part = archive.by_index(i).unwrap();
                let mut text = String::new();
                part.read_to_string(&mut text).unwrap();
                (part.name().unwrap().into_owned(), text)
            })
            .collect()
    }

    /// The values of a sheet's numeric cells (those without a type: strings carry `t="s"`).
    pub(super) fn numbers(sheet: &str) -> Vec<&str> {
        sheet
            .split("<c r=")
            .skip(1)
            .filter_map(|cell| {
                let (tag, rest) = cell.split_once('>')?;
                if tag.contains(" t=\"") || tag.ends_with('/') {
                    return None;
                }
                let value = rest.strip_prefix("<v>")?;
                value.split_once("</v>").map(|(v, _)| v)
            })
            .collect()
    }

    pub(super) fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn the_demo_workbook_holds_the_report_the_chart_and_the_figures() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.xlsx");
        write(&[demo_ward()], Lang::Vi.into(), &path).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"PK"));

        let parts = parts(&path);
        let workbook = &parts["xl/workbook.xml"];
        for name in ["Báo cáo", "Biểu đồ", "Số liệu"] {
            assert!(workbook.contains(&format!("name=\"{name}\"")), "{workbook}");
        }
        // The header repeats on every printed page.
        assert!(workbook.contains("_xlnm.Print_Titles"), "{workbook}");

        let strings = &parts["xl/sharedStrings.xml"];
        for text in [
            "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2021",
            "Phường Thanh Trường (mã 03142)",
            "Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3)",
            "Ước TH / Thực hiện",
            "Kinh tế",
            "Kế hoạch thành phố giao (suy ra)",
            "Vượt",
            "Chưa có kế hoạch",
            "Chưa có số liệu",
            "Ước đạt",
            "17.416,889,536",
        ] {
            assert!(strings.contains(text), "{text} missing from {strings}");
        }

        let report = &parts["xl/worksheets/sheet1.xml"];
        // Numbers are numeric cells, % of plan is 114.6 and not a fraction.
        let values = numbers(report);
        for value in [
            "2809.8",
            "2451.8",
            "114.6",
            "103",
            "17416889536",
            "16909601491",
        ] {
            assert!(values.contains(&value), "{value} missing from {values:?}");
        }
        // A missing plan or figure is an empty cell, never a zero.
        assert!(!values.contains(&"0"), "{values:?}");
        assert!(report.contains("state=\"frozen\""), "no frozen header");
        assert!(report.contains("paperSize=\"9\""));
        assert!(report.contains("orientation=\"landscape\""));
        assert!(report.contains("fitToHeight=\"0\""));
        assert!(report.contains("<mergeCell ref=\"A1:K1\"/>"));

        let styles = &parts["xl/styles.xml"];
        for code in ["#,##0.0", "#,##0.0&quot;%&quot;"] {
            assert!(styles.contains(code), "{code} missing from {styles}");
        }

        let chart = &parts["xl/charts/chart1.xml"];
        assert!(chart.contains("<c:barChart>") && chart.contains("<c:lineChart>"));
        assert!(chart.contains("% kế hoạch năm 2021 — Phường Thanh Trường"));
        assert!(chart.contains("'Biểu đồ'!$B$"), "{chart}");

        let figures = &parts["xl/worksheets/sheet3.xml"];
        assert!(figures.contains("<autoFilter ref=\"A1:N"), "{figures}");
        assert!(strings.contains("plan.city") && strings.contains("figure.estimate"));
        assert!(strings.contains("Suy ra, không công bố: 17.416.889.536 đồng ÷ 103%"));
    }

    #[test]
    fn english_names_the_sheets_and_the_words_in_english() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.xlsx");
        write(&[demo_ward()], Lang::En.into(), &path).unwrap();
        let parts = parts(&path);
        let workbook = &parts["xl/workbook.xml"];
        for name in ["Report", "Chart", "Figures"] {
            assert!(workbook.contains(&format!("name=\"{name}\"")), "{workbook}");
        }
        let strings = &parts["xl/sharedStrings.xml"];
        for text in [
            "INDICATORS AGAINST PLAN, 2021",
            "Exceeded",
            "tonnes",
            "The plan set by the city (derived)",
        ] {
            assert!(strings.contains(text), "{text} missing from {strings}");
        }
    }

    #[test]
    fn no_ward_is_nothing_to_export() {
        let dir = tempfile::tempdir().unwrap();
        let result = write(&[], Lang::Vi.into(), &dir.path().join("x.xlsx"));
        assert!(matches!(result, Err(ExportError::Empty)));
    }

    #[test]
    fn a_failure_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("report.xlsx");
        match write(&[demo_ward()], Lang::Vi.into(), &path) {
            Err(ExportError::Io { path: p, source }) => {
                assert_eq!(p, path);
                assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn decimals_become_the_nearest_double() {
        for text in [
            "2809.8",
            "2451.8",
            "17416889536",
            "16909601491",
            "114.6",
            "0.1",
            "-0.5",
            "0",
            "123456789.123456",
            "79228162514264337593543950335",
            "0.0000000000000000000000000001",
        ] {
            assert_eq!(to_f64(d(text)), text.parse::<f64>().unwrap(), "{text}");
        }
        assert_eq!(to_f64(d("2809.80")), 2809.8);
    }

    #[test]
    fn category_headings_are_numbered_in_roman() {
        let numerals: Vec<String> = (1..=10).map(report_words::category_numeral).collect();
        assert_eq!(
            numerals,
            ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        );
        assert_eq!(
            capitalised("kế hoạch thành phố giao"),
            "Kế hoạch thành phố giao"
        );
        assert_eq!(capitalised("đạt"), "Đạt");
        assert_eq!(capitalised(""), "");
    }
}
