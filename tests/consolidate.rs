//! A province's (or a city's) report added up from its wards, across the 2025 merger: through
//! the store and through the command line.

#![allow(clippy::unwrap_used)]

mod common;

use std::str::FromStr as _;

use jiff::civil::date;
use rust_decimal::Decimal;
use ward_kpi::domain::{AdminUnit, Level, PlanSource, PlanTarget, Stage};
use ward_kpi::store::{Batch, FigureWrite, Origin, PlanWrite, Store, UnitId};

use common::{Scratch, ward_kpi};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A made-up province "P9" with a city "C9" until 30/6/2025 holding wards W1–W3, merged on
/// 1/7/2025 into ward N1 (W1, W2) and N2 (W3), both straight under the province.
fn province(store: &Store) -> Vec<(String, UnitId)> {
    let eve = Some(date(2025, 6, 30));
    let day = Some(date(2025, 7, 1));
    let unit = |code: &str, level, parent: Option<&str>| AdminUnit {
        code: code.into(),
        name: format!("Đơn vị {code}"),
        level,
        parent_code: parent.map(Into::into),
        valid_from: None,
        valid_to: None,
        successor_code: None,
        synthetic: false,
    };
    let old = |code: &str, successor: &str| AdminUnit {
        valid_to: eve,
        successor_code: Some(successor.into()),
        ..unit(code, Level::Ward, Some("C9"))
    };
    let list = [
        unit("P9", Level::Province, None),
        AdminUnit {
            valid_to: eve,
            ..unit("C9", Level::District, Some("P9"))
        },
        old("W1", "N1"),
        old("W2", "N1"),
        old("W3", "N2"),
        AdminUnit {
            valid_from: day,
            ..unit("N1", Level::Ward, Some("P9"))
        },
        AdminUnit {
            valid_from: day,
            ..unit("N2", Level::Ward, Some("P9"))
        },
    ];
    list.iter()
        .map(|u| (u.code.clone(), store.add_unit(u).unwrap()))
        .collect()
}

fn id(units: &[(String, UnitId)], code: &str) -> UnitId {
    units.iter().find(|(c, _)| c == code).unwrap().1
}

fn figure(store: &Store, unit: UnitId, code: &str, year: i16, value: &str) -> FigureWrite {
    FigureWrite {
        unit,
        indicator: store.indicator(code).unwrap().0,
        year,
        stage: Stage::Actual,
        value: Some((d(value), value.to_owned())),
        note: String::new(),
    }
}

fn plan(store: &Store, unit: UnitId, code: &str, year: i16, value: &str) -> PlanWrite {
    PlanWrite {
        unit,
        indicator: store.indicator(code).unwrap().0,
        year,
        source: PlanSource::Province,
        target: Some(PlanTarget::Value(d(value))),
        text: value.into(),
        derived: false,
        note: String::new(),
    }
}

/// The made-up province with figures: 2024 crop output of W1–W3 (W3's only in 2023), poverty
/// rates and households, W1's livestock, and 2025 figures of N1 and N2.
fn filled(scratch: &Scratch) -> (std::path::PathBuf, Vec<(String, UnitId)>) {
    let path = scratch.path("tinh.db");
    let mut store = ward_kpi::demo::create_empty(&path).unwrap();
    let units = province(&store);
    let u = |code| id(&units, code);
    let batch = Batch {
        plans: vec![
            plan(&store, u("W1"), "crop_output", 2024, "100"),
            plan(&store, u("W2"), "crop_output", 2024, "200"),
            plan(&store, u("P9"), "crop_output", 2025, "500"),
        ],
        figures: vec![
            figure(&store, u("W1"), "crop_output", 2023, "90"),
            figure(&store, u("W2"), "crop_output", 2023, "190"),
            figure(&store, u("W3"), "crop_output", 2023, "50"),
            figure(&store, u("W1"), "crop_output", 2024, "110"),
            figure(&store, u("W2"), "crop_output", 2024, "210"),
            figure(&store, u("W1"), "poverty_rate", 2024, "4"),
            figure(&store, u("W2"), "poverty_rate", 2024, "1"),
            figure(&store, u("W3"), "poverty_rate", 2024, "9"),
            figure(&store, u("W1"), "households", 2024, "300"),
            figure(&store, u("W2"), "households", 2024, "100"),
            figure(&store, u("W1"), "livestock", 2024, "500"),
            figure(&store, u("W1"), "health_insurance_coverage", 2024, "92"),
            figure(&store, u("W2"), "health_insurance_coverage", 2024, "88"),
            figure(&store, u("W3"), "health_insurance_coverage", 2024, "95"),
            figure(&store, u("N1"), "crop_output", 2025, "350"),
            figure(&store, u("N2"), "crop_output", 2025, "60"),
        ],
        aliases: Vec::new(),
    };
    store.apply(&batch, Origin::Cli).unwrap();
    (path, units)
}

fn row<'a>(
    report: &'a ward_kpi::domain::report::Report,
    code: &str,
) -> &'a ward_kpi::domain::report::ReportRow {
    report
        .rows
        .iter()
        .find(|r| r.indicator.code == code)
        .unwrap()
}

#[test]
fn a_province_adds_up_its_citys_wards_before_the_merger_naming_the_missing() {
    let scratch = Scratch::new();
    let (path, units) = filled(&scratch);
    let store = Store::open(&path).unwrap();
    let report = store.report(id(&units, "P9"), 2024).unwrap();
    let consolidation = report.consolidation.as_ref().unwrap();
    assert_eq!(
        consolidation.expected,
        ["Đơn vị W1", "Đơn vị W2", "Đơn vị W3"]
    );
    let crop = row(&report, "crop_output");
    assert_eq!(crop.current.as_ref().unwrap().value, d("320"));
    let how = crop.consolidated.as_ref().unwrap();
    assert_eq!((how.included, how.expected), (2, 3));
    assert_eq!(how.missing, ["Đơn vị W3"]);
    // The wards' plans added (W1 and W2, the wards added): 320 of 300.
    assert_eq!(how.plan_sum, Some(d("300")));
    assert_eq!(
        crop.assessment.percent.map(|p| p.round_dp(1)),
        Some(d("106.7"))
    );
    // 2023 had every ward's value: 330, so the change is of the whole.
    assert_eq!(crop.previous.as_ref().unwrap().value, d("330"));
    // The poverty rate by households: (4 × 300 + 1 × 100) / 400 = 3,25; W3 has no households.
    let poverty = row(&report, "poverty_rate");
    assert_eq!(poverty.current.as_ref().unwrap().value, d("3.25"));
    assert_eq!(
        poverty.consolidated.as_ref().unwrap().missing,
        ["Đơn vị W3"]
    );
    // Coverage is not added up: the spread.
    let coverage = row(&report, "health_insurance_coverage");
    assert_eq!(coverage.current, None);
    let spread = coverage
        .consolidated
        .as_ref()
        .unwrap()
        .distribution
        .clone()
        .unwrap();
    assert_eq!(
        (spread.lowest, spread.median, spread.highest),
        (d("88"), d("92"), d("95"))
    );
    // The city reports the same wards that year, and none after its abolition.
    let city = store.report(id(&units, "C9"), 2024).unwrap();
    assert_eq!(
        row(&city, "crop_output").current.as_ref().unwrap().value,
        d("320")
    );
    let gone = store.report(id(&units, "C9"), 2025).unwrap();
    assert!(gone.consolidation.unwrap().expected.is_empty());
}

#[test]
fn after_the_merger_the_province_adds_up_its_new_wards_against_its_own_plan() {
    let scratch = Scratch::new();
    let (path, units) = filled(&scratch);
    let store = Store::open(&path).unwrap();
    let report = store.report(id(&units, "P9"), 2025).unwrap();
    assert_eq!(
        report.consolidation.as_ref().unwrap().expected,
        ["Đơn vị N1", "Đơn vị N2"]
    );
    let crop = row(&report, "crop_output");
    assert_eq!(crop.current.as_ref().unwrap().value, d("410"));
    assert!(crop.consolidated.as_ref().unwrap().own_plan);
    assert_eq!(crop.assessment.percent, Some(d("82")));
    // Last year's total is the old wards', but W3 had no 2024 output: no change shown.
    assert_eq!(crop.previous, None);
}

#[test]
fn a_merged_wards_early_years_are_its_predecessors_sum_only_when_all_have_one() {
    let scratch = Scratch::new();
    let (path, units) = filled(&scratch);
    let store = Store::open(&path).unwrap();
    // N1 = W1 + W2, both with 2024 output.
    let before = store.report(id(&units, "N1"), 2024).unwrap();
    let consolidation = before.consolidation.as_ref().unwrap();
    assert_eq!(
        consolidation.line(ward_kpi::domain::Lang::Vi),
        "cộng từ 2 đơn vị cũ (Đơn vị W1, Đơn vị W2)"
    );
    assert_eq!(
        row(&before, "crop_output").current.as_ref().unwrap().value,
        d("320")
    );
    // Only W1 has livestock: no partial sum.
    let livestock = row(&before, "livestock");
    assert_eq!(livestock.current, None);
    assert_eq!(
        livestock.verdict(ward_kpi::domain::Lang::Vi),
        "chưa đủ số liệu của các đơn vị cũ"
    );
    // In its first own year, last year is its predecessors' sum: 350 against 320.
    let first = store.report(id(&units, "N1"), 2025).unwrap();
    assert!(first.consolidation.is_none());
    let crop = row(&first, "crop_output");
    assert_eq!(crop.previous.as_ref().unwrap().value, d("320"));
    assert!(crop.change.is_some());
}

#[test]
fn the_command_line_says_the_report_is_consolidated_and_how_complete() {
    let scratch = Scratch::new();
    let (path, _) = filled(&scratch);
    let db = path.to_str().unwrap();
    let out = ward_kpi()
        .args([
            "--db", db, "report", "--ward", "P9", "--year", "2024", "--format", "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let crop = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["indicator"] == "crop_output")
        .unwrap();
    assert_eq!(crop["consolidated"], true);
    assert_eq!(crop["wards_included"], 2);
    assert_eq!(crop["wards_expected"], 3);
    assert_eq!(crop["value"], serde_json::json!(320));
    let table = ward_kpi()
        .args(["--db", db, "report", "--ward", "P9", "--year", "2024"])
        .output()
        .unwrap();
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.starts_with("BÁO CÁO TỔNG HỢP"), "{text}");
    assert!(text.contains("3/3 phường, xã có số liệu"), "{text}");
    assert!(text.contains("chưa có: Đơn vị W3"), "{text}");
    // A ward's own report is not consolidated.
    let ward = ward_kpi()
        .args([
            "--db", db, "report", "--ward", "W1", "--year", "2024", "--format", "json",
        ])
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&ward.stdout).unwrap();
    assert_eq!(rows[0]["consolidated"], false);
    assert_eq!(rows[0]["wards_expected"], serde_json::Value::Null);
}

#[test]
fn indicators_declare_how_they_add_up_and_a_weight_must_be_a_sum() {
    let scratch = Scratch::new();
    let path = scratch.demo_db("d.db");
    let db = path.to_str().unwrap();
    ward_kpi()
        .args([
            "--db",
            db,
            "indicators",
            "aggregate",
            "trained_labour_share",
            "weighted",
        ])
        .args(["--weight", "population"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "bình quân gia quyền theo “Dân số trung bình”",
        ));
    ward_kpi()
        .args([
            "--db",
            db,
            "indicators",
            "aggregate",
            "new_jobs",
            "weighted",
        ])
        .args(["--weight", "poverty_rate"])
        .assert()
        .failure()
        .stderr(predicates::str::contains(
            "quyền số “poverty_rate” phải là chỉ tiêu được cộng",
        ));
    ward_kpi()
        .args([
            "--db",
            db,
            "indicators",
            "aggregate",
            "new_jobs",
            "weighted",
        ])
        .assert()
        .failure()
        .stderr(predicates::str::contains("--weight"));
    let store = Store::open(&path).unwrap();
    let (_, share) = store.indicator("trained_labour_share").unwrap();
    assert_eq!(share.aggregation.weight(), Some("population"));
    // The catalogue file carries it to another database.
    let file = scratch.path("danh-muc.json");
    ward_kpi()
        .args(["--db", db, "indicators", "export", "-o"])
        .arg(&file)
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(r#""weight": "population""#), "{text}");
}

#[test]
fn a_provinces_years_and_trends_are_its_wards_sums() {
    let scratch = Scratch::new();
    let (path, units) = filled(&scratch);
    let store = Store::open(&path).unwrap();
    let province = id(&units, "P9");
    assert_eq!(store.years_with_data(province).unwrap(), [2025, 2024, 2023]);
    let (crop, _) = store.indicator("crop_output").unwrap();
    let trend = store.trend(province, crop).unwrap();
    let values: Vec<(i16, Option<Decimal>)> = trend
        .iter()
        .map(|(year, row)| (*year, row.current.as_ref().map(|f| f.value)))
        .collect();
    assert_eq!(
        values,
        [
            (2023, Some(d("330"))),
            (2024, Some(d("320"))),
            (2025, Some(d("410")))
        ]
    );
    // The merged ward: its predecessors' sum before, its own after.
    let merged = store.trend(id(&units, "N1"), crop).unwrap();
    let values: Vec<(i16, Option<Decimal>)> = merged
        .iter()
        .map(|(year, row)| (*year, row.current.as_ref().map(|f| f.value)))
        .collect();
    assert_eq!(
        values,
        [
            (2023, Some(d("280"))),
            (2024, Some(d("320"))),
            (2025, Some(d("350")))
        ]
    );
    // Its first own year compares with its predecessors' sum, as its report does.
    let first = &merged[2].1;
    assert_eq!(first.previous.as_ref().map(|f| f.value), Some(d("320")));
    assert!(first.change.is_some());
    let report = store.report(id(&units, "N1"), 2025).unwrap();
    let line = report
        .rows
        .iter()
        .find(|r| r.indicator.code == "crop_output")
        .unwrap();
    assert_eq!(line.previous, first.previous);
    assert_eq!(line.change, first.change);
}

#[test]
fn a_ward_with_one_predecessor_takes_its_last_year_as_it_stands_rates_included() {
    let scratch = Scratch::new();
    let (path, units) = filled(&scratch);
    let mut store = Store::open(&path).unwrap();
    let u = |code| id(&units, code);
    // N2's only predecessor is W3: its 2024 coverage (a rate, not added up across wards) and
    // poverty rate (averaged by households, which W3 lacks) are N2's last year as they stand.
    let batch = Batch {
        plans: vec![plan(
            &store,
            u("W3"),
            "health_insurance_coverage",
            2024,
            "90",
        )],
        figures: vec![
            figure(&store, u("N2"), "health_insurance_coverage", 2025, "97"),
            figure(&store, u("N2"), "poverty_rate", 2025, "8.5"),
            figure(&store, u("N1"), "health_insurance_coverage", 2025, "91"),
        ],
        aliases: Vec::new(),
    };
    store.apply(&batch, Origin::Cli).unwrap();
    let report = store.report(u("N2"), 2025).unwrap();
    let coverage = row(&report, "health_insurance_coverage");
    assert_eq!(coverage.previous.as_ref().map(|f| f.value), Some(d("95")));
    assert_eq!(
        coverage.change,
        Some(ward_kpi::domain::Change::Points(d("2")))
    );
    // Last year's % of plan is W3's: 95 against 90.
    assert_eq!(
        coverage
            .previous_percent
            .map(|p| ward_kpi::domain::compute::round(p, 1)),
        Some(d("105.6"))
    );
    let poverty = row(&report, "poverty_rate");
    assert_eq!(poverty.previous.as_ref().map(|f| f.value), Some(d("9")));
    // A flow too: W3's 2024 had no output, so none is made up.
    assert_eq!(row(&report, "crop_output").previous, None);
    // N2's 2024 is W3's own year, not a one-ward consolidation.
    let before = store.report(u("N2"), 2024).unwrap();
    assert!(before.consolidation.is_none());
    assert_eq!(before.unit.code, "W3");
    let line = row(&before, "health_insurance_coverage");
    assert_eq!(line.current.as_ref().map(|f| f.value), Some(d("95")));
    assert!(line.consolidated.is_none());
    // The trend agrees with the report, year before and first own year.
    let (indicator, _) = store.indicator("health_insurance_coverage").unwrap();
    let trend = store.trend(u("N2"), indicator).unwrap();
    let values: Vec<(i16, Option<Decimal>)> = trend
        .iter()
        .map(|(year, row)| (*year, row.current.as_ref().map(|f| f.value)))
        .collect();
    assert_eq!(values, [(2024, Some(d("95"))), (2025, Some(d("97")))]);
    let first = &trend[1].1;
    assert_eq!(first.previous, coverage.previous);
    assert_eq!(first.change, coverage.change);
    assert_eq!(first.previous_percent, coverage.previous_percent);
    // N1 of two predecessors still has no last year for a rate not added up.
    let merged = store.report(u("N1"), 2025).unwrap();
    assert_eq!(row(&merged, "health_insurance_coverage").previous, None);
    assert!(store.report(u("N1"), 2024).unwrap().consolidation.is_some());
}
