//! Plans handed down: the province (a city before 2025) writes each ward's plans to a file,
//! the ward imports it and the plans arrive with their source; the wards' plans added up
//! against the province's own.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader as _};
use predicates::str::contains;
use rust_decimal::Decimal;
use ward_kpi::domain::{PlanSource, PlanTarget};
use ward_kpi::store::Store;

use common::{Scratch, ward_kpi};

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn run(db: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    ward_kpi().arg("--db").arg(db).args(args).assert()
}

/// A province database (the demo's reference units) with plans for its wards: Phường Điện Biên
/// Phủ and Phường Mường Thanh in 2026, Phường Thanh Trường (under the city) in 2024, and the
/// province's own crop-output plan for 2026.
fn province(scratch: &Scratch) -> PathBuf {
    let db = scratch.demo_db("tinh.db");
    for (ward, year, indicator, plan) in [
        ("03127", "2026", "crop_output", "2.900,5"),
        ("03334", "2026", "crop_output", "3.000,0"),
        ("03127", "2026", "budget_revenue", "18.000.000.000"),
        ("03127", "2026", "poverty_rate", "dưới 3%"),
        ("11", "2026", "crop_output", "6.500,0"),
        ("03142", "2024", "crop_output", "2.700,0"),
    ] {
        run(
            &db,
            &[
                "set",
                "--ward",
                ward,
                "--year",
                year,
                "--indicator",
                indicator,
                "--plan",
                plan,
            ],
        )
        .success();
    }
    db
}

/// A ward's own database: the catalogue and units, its home ward chosen.
fn ward_db(scratch: &Scratch, name: &str, code: &str) -> PathBuf {
    let db = scratch.path(name);
    run(&db, &["init"]).success();
    run(&db, &["home-ward", code]).success();
    db
}

/// A sheet's cells as calamine reads them.
fn cells(path: &Path, sheet: Option<&str>) -> Vec<Vec<Data>> {
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let name = sheet.map_or_else(|| workbook.sheet_names()[0].clone(), str::to_owned);
    let range = workbook.worksheet_range(&name).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        other => format!("{other:?}"),
    }
}

/// The plans of a ward-year in a database: indicator code → (source, target, original).
fn plans(
    db: &Path,
    ward: &str,
    year: i16,
) -> Vec<(String, PlanSource, PlanTarget, Option<PlanTarget>)> {
    let store = Store::open(db).unwrap();
    let (unit, _) = store.unit_for(ward, year).unwrap();
    let catalogue = store.indicators().unwrap();
    let mut found = Vec::new();
    for (id, plans) in store.plans_of(unit, year).unwrap() {
        let code = catalogue
            .iter()
            .find(|(i, _)| *i == id)
            .unwrap()
            .1
            .code
            .clone();
        for plan in plans {
            found.push((code.clone(), plan.source, plan.target, plan.original));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

#[test]
fn each_ward_gets_a_file_of_its_plans_that_its_own_database_imports_as_the_provinces() {
    let scratch = Scratch::new();
    let db = province(&scratch);
    let out = scratch.path("giao");
    run(
        &db,
        &[
            "handout",
            "--year",
            "2026",
            "--parent",
            "11",
            "-o",
            out.to_str().unwrap(),
        ],
    )
    .success()
    .stdout(contains("Đã ghi 2 tệp"));
    let file = out.join("giao-ke-hoach-2026-03127.xlsx");
    let rows = cells(&file, None);
    assert_eq!(
        text(&rows[0][0]),
        "Giao chỉ tiêu kế hoạch năm 2026 — Phường Điện Biên Phủ"
    );
    assert!(text(&rows[1][0]).contains("Tỉnh Điện Biên") && text(&rows[1][0]).contains("03127"));
    let header: Vec<String> = rows[3].iter().map(text).collect();
    assert_eq!(
        header,
        [
            "STT",
            "Mã phường",
            "Mã chỉ tiêu",
            "Chỉ tiêu",
            "ĐVT",
            "Kế hoạch tỉnh giao năm 2026"
        ]
    );
    let body: Vec<Vec<String>> = rows[4..]
        .iter()
        .map(|r| r.iter().map(text).collect())
        .collect();
    // The ward's own plans only, each a number where it is one.
    assert_eq!(body.len(), 3, "{body:?}");
    assert!(body.iter().all(|r| r[1] == "03127"));
    let crop = body.iter().find(|r| r[2] == "crop_output").unwrap();
    assert_eq!((crop[4].as_str(), crop[5].as_str()), ("tấn", "2900.5"));
    assert!(matches!(
        rows[4..]
            .iter()
            .find(|r| text(&r[2]) == "crop_output")
            .unwrap()[5],
        Data::Float(_)
    ));
    let budget = body.iter().find(|r| r[2] == "budget_revenue").unwrap();
    assert_eq!(budget[5], "18000000000");
    let poverty = body.iter().find(|r| r[2] == "poverty_rate").unwrap();
    assert_eq!(poverty[5], "dưới 3%");

    // The ward imports it: the plans arrive as the province's, the figures untouched.
    let ward = ward_db(&scratch, "phuong.db", "03127");
    run(&ward, &["import", file.to_str().unwrap()]).success();
    let got = plans(&ward, "03127", 2026);
    assert_eq!(
        got,
        [
            (
                "budget_revenue".into(),
                PlanSource::Province,
                PlanTarget::Value(d("18000000000")),
                None
            ),
            (
                "crop_output".into(),
                PlanSource::Province,
                PlanTarget::Value(d("2900.5")),
                None
            ),
            (
                "poverty_rate".into(),
                PlanSource::Province,
                PlanTarget::AtMost(d("3")),
                None
            ),
        ]
    );

    // A revised handout: the new plan in force, the first one kept as the original.
    run(
        &db,
        &[
            "set",
            "--ward",
            "03127",
            "--year",
            "2026",
            "--indicator",
            "crop_output",
            "--plan",
            "3.100,5",
        ],
    )
    .success();
    run(
        &db,
        &[
            "handout",
            "--year",
            "2026",
            "--parent",
            "11",
            "-o",
            out.to_str().unwrap(),
        ],
    )
    .success();
    run(&ward, &["import", file.to_str().unwrap()]).success();
    let crop = plans(&ward, "03127", 2026)
        .into_iter()
        .find(|p| p.0 == "crop_output")
        .unwrap();
    assert_eq!(crop.1, PlanSource::Province);
    assert_eq!(crop.2, PlanTarget::Value(d("3100.5")));
    assert_eq!(crop.3, Some(PlanTarget::Value(d("2900.5"))));
}

#[test]
fn before_the_reform_the_city_hands_the_plans_down() {
    let scratch = Scratch::new();
    let db = province(&scratch);
    let out = scratch.path("giao-2024");
    run(
        &db,
        &[
            "handout",
            "--year",
            "2024",
            "--parent",
            "094",
            "-o",
            out.to_str().unwrap(),
        ],
    )
    .success()
    .stdout(contains("Đã ghi 1 tệp"))
    // The other wards of the city had no plan: named, and no file for them.
    .stderr(contains("Phường Him Lam (03127)"));
    let file = out.join("giao-ke-hoach-2024-03142.xlsx");
    let rows = cells(&file, None);
    assert_eq!(text(&rows[3][5]), "Kế hoạch thành phố giao năm 2024");
    let ward = ward_db(&scratch, "thanh-truong.db", "03142");
    run(&ward, &["import", file.to_str().unwrap()]).success();
    assert_eq!(
        plans(&ward, "03142", 2024),
        [(
            "crop_output".into(),
            PlanSource::City,
            PlanTarget::Value(d("2700")),
            None
        )]
    );
}

#[test]
fn the_wards_plans_are_added_up_against_the_provinces_own() {
    let scratch = Scratch::new();
    let db = province(&scratch);
    let out = scratch.path("giao.xlsx");
    let assert = run(
        &db,
        &[
            "handout",
            "--year",
            "2026",
            "--parent",
            "11",
            "--one-workbook",
            "-o",
            out.to_str().unwrap(),
        ],
    )
    .success();
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    // 2.900,5 + 3.000 = 5.900,5 against 6.500: 599,5 tấn short, 90,8% assigned.
    let crop = stdout
        .lines()
        .find(|l| l.starts_with("Sản lượng cây trồng"))
        .unwrap();
    assert!(crop.contains("6.500") && crop.contains("5.900,5"), "{crop}");
    assert!(crop.contains("2/2") && crop.contains("90,8%"), "{crop}");
    assert!(crop.contains("thiếu 599,5 tấn"), "{crop}");
    let budget = stdout
        .lines()
        .find(|l| l.starts_with("Thu ngân sách"))
        .unwrap();
    assert!(
        budget.contains("1/2") && budget.contains("chưa có kế hoạch"),
        "{budget}"
    );
    let poverty = stdout
        .lines()
        .find(|l| l.starts_with("Tỷ lệ hộ nghèo"))
        .unwrap();
    assert!(poverty.contains("không cộng"), "{poverty}");

    // The workbook: the summary of both wards first, then a sheet per ward.
    let workbook: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "Tổng hợp",
            "03127 Phường Điện Biên Phủ",
            "03334 Phường Mường Thanh"
        ]
    );
    let summary = cells(&out, Some("Tổng hợp"));
    let wards: Vec<String> = summary[4..].iter().map(|r| text(&r[1])).collect();
    assert_eq!(wards, ["03127", "03127", "03127", "03334"]);

    // Over-allocated once the province lowers its own plan.
    run(
        &db,
        &[
            "set",
            "--ward",
            "11",
            "--year",
            "2026",
            "--indicator",
            "crop_output",
            "--plan",
            "5.000,0",
        ],
    )
    .success();
    let again = run(
        &db,
        &[
            "handout",
            "--year",
            "2026",
            "--parent",
            "11",
            "--one-workbook",
            "-o",
            out.to_str().unwrap(),
        ],
    )
    .success();
    let stdout = String::from_utf8_lossy(&again.get_output().stdout).into_owned();
    assert!(stdout.contains("vượt 900,5 tấn"), "{stdout}");
}

#[test]
fn the_summary_sheet_enters_every_wards_plans_from_the_province_at_once() {
    let scratch = Scratch::new();
    let db = province(&scratch);
    let out = scratch.path("giao.xlsx");
    run(
        &db,
        &[
            "handout",
            "--year",
            "2026",
            "--parent",
            "11",
            "--one-workbook",
            "-o",
            out.to_str().unwrap(),
        ],
    )
    .success();
    // Another province office's database: the long form (a ward code per row) enters the plans
    // of each ward, as the province's.
    let other = scratch.demo_db("tinh-2.db");
    run(&other, &["import", out.to_str().unwrap()]).success();
    assert_eq!(plans(&other, "03127", 2026).len(), 3);
    assert_eq!(
        plans(&other, "03334", 2026),
        [(
            "crop_output".into(),
            PlanSource::Province,
            PlanTarget::Value(d("3000")),
            None
        )]
    );
}

#[test]
fn a_parent_without_wards_or_plans_writes_nothing() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("rong.db");
    let out = scratch.path("giao");
    run(
        &db,
        &[
            "handout",
            "--year",
            "2026",
            "--parent",
            "11",
            "-o",
            out.to_str().unwrap(),
        ],
    )
    .failure()
    .stderr(contains("Chưa có kế hoạch nào"));
    assert!(!out.exists());
    run(
        &db,
        &[
            "handout",
            "--year",
            "2026",
            "--parent",
            "03127",
            "-o",
            out.to_str().unwrap(),
        ],
    )
    .failure()
    .stderr(contains("không có phường nào"));
}
