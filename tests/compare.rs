//! The ward comparison as leaders meet it: `ward-kpi compare` (table, JSON, CSV, ranking, Excel,
//! PDF) and the window's So sánh view, on the demo database with two more wards under the city
//! of Điện Biên Phủ: Phường Thanh Trường at 114,6% of its crop plan, Phường Thử Một at 90%,
//! Phường Thử Hai with a plan and no figure.

#![allow(clippy::unwrap_used)]

mod common;

use std::io::Read as _;

use calamine::Reader as _;
use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable as _;
use predicates::str::contains;

use ward_kpi::app::views::View;
use ward_kpi::domain::{AdminUnit, Lang, Level, PlanSource, PlanTarget, Stage};
use ward_kpi::store::{Batch, FigureWrite, Origin, PlanWrite, Store};

use common::{Scratch, ward_kpi};

/// The demo database with Phường Thử Một (90% of its crop plan) and Phường Thử Hai (a plan, no
/// figure) under the city 094 beside Phường Thanh Trường, in 2021.
fn three_wards(scratch: &Scratch) -> PathBuf {
    let db = scratch.demo_db("so-sanh.db");
    // The province then holds the three wards these tests read.
    common::keep_one_reference_ward(&db);
    let mut store = Store::open(&db).unwrap();
    let ward = |code: &str, name: &str| {
        store
            .add_unit(&AdminUnit {
                code: code.into(),
                name: name.into(),
                level: Level::Ward,
                parent_code: Some("094".into()),
                valid_from: None,
                valid_to: Some(jiff::civil::date(2025, 6, 30)),
                successor_code: None,
                synthetic: false,
            })
            .unwrap()
    };
    let one = ward("T0001", "Phường Thử Một");
    let two = ward("T0002", "Phường Thử Hai");
    let (crop, _) = store.indicator("crop_output").unwrap();
    let plan = |unit, value: &str| PlanWrite {
        unit,
        indicator: crop,
        year: 2021,
        source: PlanSource::City,
        target: Some(PlanTarget::Value(value.parse().unwrap())),
        text: value.into(),
        derived: false,
        note: String::new(),
    };
    let batch = Batch {
        plans: vec![plan(one, "1000"), plan(two, "500")],
        figures: vec![FigureWrite {
            unit: one,
            indicator: crop,
            year: 2021,
            stage: Stage::Actual,
            value: Some(("900".parse().unwrap(), "900".into())),
            note: String::new(),
        }],
        ..Batch::default()
    };
    store.apply(&batch, Origin::Synthetic).unwrap();
    db
}

/// `ward-kpi --db DB compare --year 2021 --parent 11 ARGS…`'s output, which must succeed.
fn compare(db: &Path, args: &[&str]) -> String {
    let out = ward_kpi()
        .arg("--db")
        .arg(db)
        .args(["compare", "--year", "2021", "--parent", "11"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn json_rows_carry_each_wards_code_name_percent_and_status() {
    let scratch = Scratch::new();
    let db = three_wards(&scratch);
    let rows: serde_json::Value =
        serde_json::from_str(&compare(&db, &["--format", "json"])).unwrap();
    let rows = rows.as_array().unwrap();
    // The province counts its city's wards; by name, Vietnamese order.
    let codes: Vec<&str> = rows
        .iter()
        .map(|r| r["ward_code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["03142", "T0002", "T0001"]);
    assert_eq!(rows[0]["ward_name"], "Phường Thanh Trường");
    let crop = |row: usize| &rows[row]["indicators"]["crop_output"];
    assert_eq!(crop(0)["percent"], serde_json::json!(114.6));
    assert_eq!(crop(0)["status"], "exceeded");
    assert_eq!(crop(1)["percent"], serde_json::Value::Null);
    assert_eq!(crop(1)["status"], "no_data");
    assert_eq!(crop(2)["percent"], serde_json::json!(90));
    assert_eq!(crop(2)["status"], "not_met");
}

#[test]
fn one_indicators_ranking_is_best_first_with_the_wards_lacking_a_figure_last() {
    let scratch = Scratch::new();
    let db = three_wards(&scratch);
    let json = compare(&db, &["--indicator", "crop_output", "--format", "json"]);
    let ranks: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ranked: Vec<(&str, &serde_json::Value)> = ranks
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["ward_code"].as_str().unwrap(), &r["percent"]))
        .collect();
    assert_eq!(
        ranked,
        [
            ("03142", &serde_json::json!(114.6)),
            ("T0001", &serde_json::json!(90)),
            ("T0002", &serde_json::Value::Null),
        ]
    );
    let table = compare(&db, &["--indicator", "crop_output"]);
    assert!(
        table.contains("Tỉnh Điện Biên (mã 11): 3 phường, xã"),
        "{table}"
    );
    assert!(table.contains("114,6%"), "{table}");
    // Ascending asked for: the lowest first, the ward without a figure still last.
    let csv = compare(
        &db,
        &["--sort", "crop_output", "--order", "asc", "--format", "csv"],
    );
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("ward_code,ward_name,crop_output.percent,crop_output.status"));
    assert!(
        lines[1].starts_with("T0001,Phường Thử Một,90,not_met"),
        "{csv}"
    );
    assert!(lines[3].starts_with("T0002,"), "{csv}");
}

#[test]
fn the_excel_sheet_holds_the_percent_with_its_header_and_names_frozen() {
    let scratch = Scratch::new();
    let db = three_wards(&scratch);
    let xlsx = scratch.path("so-sanh.xlsx");
    compare(
        &db,
        &[
            "--sort",
            "crop_output",
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
        ],
    );
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    assert_eq!(workbook.sheet_names(), ["So sánh"]);
    let sheet = workbook.worksheet_range("So sánh").unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect();
    let header = rows
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "STT"))
        .unwrap();
    // Row 4 of the sheet: the frozen header.
    assert_eq!(header, 3, "{rows:?}");
    let crop = rows[header]
        .iter()
        .position(|c| c.starts_with("Sản lượng cây trồng"))
        .unwrap();
    // Sorted by crop output, highest first.
    assert_eq!(rows[header + 1][2], "Phường Thanh Trường");
    assert_eq!(rows[header + 1][crop], "114.6");
    assert_eq!(rows[header + 2][crop], "90");
    assert_eq!(rows[header + 3][crop], "Chưa có số liệu");
    // The panes are frozen under the header and right of the names; the header is filtered.
    let mut xml = String::new();
    zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap())
        .unwrap()
        .by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(
        xml.contains(
            r#"xSplit="3" ySplit="4" topLeftCell="D5" activePane="bottomRight" state="frozen""#
        ),
        "{xml}"
    );
    assert!(xml.contains("<autoFilter ref=\"A4:"), "{xml}");
}

#[test]
fn the_pdf_prints_each_ward_and_its_percent() {
    let scratch = Scratch::new();
    let db = three_wards(&scratch);
    let pdf = scratch.path("so-sanh.pdf");
    compare(&db, &["--format", "pdf", "-o", pdf.to_str().unwrap()]);
    let text = pdf_extract::extract_text(&pdf).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for said in [
        "SO SÁNH KẾT QUẢ THỰC HIỆN CHỈ TIÊU",
        "Tỉnh Điện Biên (mã 11): 3 phường, xã",
        "Phường Thử Một",
        "114,6%",
        "90%",
    ] {
        assert!(text.contains(said), "{said} not in {text}");
    }
}

#[test]
fn a_unit_without_wards_or_an_unknown_indicator_is_refused_by_name() {
    let scratch = Scratch::new();
    let db = three_wards(&scratch);
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["compare", "--year", "2021", "--parent", "03142"])
        .assert()
        .failure()
        .stderr(contains(
            "không có phường, xã nào thuộc Phường Thanh Trường (mã 03142) năm 2021",
        ));
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args([
            "compare",
            "--year",
            "2021",
            "--parent",
            "11",
            "--indicator",
            "nope",
        ])
        .assert()
        .failure()
        .stderr(contains(
            "không có chỉ tiêu mã 'nope' (xem `ward-kpi indicators`)",
        ));
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args([
            "compare", "--year", "2021", "--parent", "11", "--format", "xlsx",
        ])
        .assert()
        .failure()
        .stderr(contains("-o TỆP"));
}

#[test]
fn the_window_compares_the_wards_and_a_click_on_one_opens_its_dashboard() {
    let scratch = Scratch::new();
    let db = three_wards(&scratch);
    let mut harness = common::window::open(&db, View::Compare, Lang::Vi);
    // The reports are read on a worker: the view shows them once it is done.
    for _ in 0..500 {
        if harness.state().job.is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.run();
    assert!(
        harness.state().notice.is_none(),
        "{:?}",
        harness.state().notice
    );
    harness.get_by_label_contains("Tỉnh Điện Biên (mã 11): 3 phường, xã");
    harness.get_by_label("114,6%");
    harness.get_by_label("90%");
    // A heading sorts; a ward's name opens its dashboard in the comparison's year.
    harness
        .get_by_label("Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3)")
        .click();
    harness.run();
    harness.get_by_label("Phường Thử Một").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.prefs.view, View::Dashboard);
    let session = app.session.as_ref().unwrap();
    assert_eq!(session.unit.code, "T0001");
    assert_eq!(session.year, 2021);
    harness.get_by_label_contains("Phường Thử Một");
}

#[test]
fn the_comparison_is_read_again_once_the_values_change() {
    use ward_kpi::app::command::Command;
    let scratch = Scratch::new();
    let db = three_wards(&scratch);
    let mut harness = common::window::open(&db, View::Compare, Lang::Vi);
    let settle = |harness: &mut egui_kittest::Harness<'_, ward_kpi::app::WardKpiApp>| {
        for _ in 0..500 {
            harness.step();
            if harness.state().job.is_none() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        harness.run();
    };
    settle(&mut harness);
    harness.get_by_label("90%");
    // Another writer changes Phường Thử Một's crop; the window reloads (as after its own save
    // or an import), and So sánh reads the wards again without being asked.
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["set", "--year", "2021", "--ward", "T0001", "--indicator"])
        .args(["crop_output", "--actual", "1.100"])
        .assert()
        .success();
    harness.state_mut().push_command(Command::DiscardEdits);
    harness.step();
    settle(&mut harness);
    assert!(harness.query_by_label("90%").is_none());
    harness.get_by_label("110%");
}
