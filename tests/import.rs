//! Imports through the command line: the round trip of this program's own CSV, a hand-made
//! table with the messy numbers people type (mixed separators, scale words), and each bad row
//! refused by sheet, row, column and reason with the database unchanged.

#![allow(clippy::unwrap_used)]

mod common;

use predicates::prelude::*;
use predicates::str::contains;

use common::{Scratch, ward_kpi};

fn empty_db(scratch: &Scratch, name: &str) -> std::path::PathBuf {
    let db = scratch.path(name);
    ward_kpi::demo::create_empty(&db).unwrap();
    db
}

#[test]
fn an_exported_csv_imports_into_an_empty_database_as_the_same_report() {
    let scratch = Scratch::new();
    let source = scratch.demo_db("source.db");
    let csv = scratch.path("bao-cao.csv");
    common::export(&source, "2021", "csv", &csv).success();
    let target = empty_db(&scratch, "target.db");
    ward_kpi()
        .args(["--db", target.to_str().unwrap(), "import"])
        .arg(&csv)
        .assert()
        .success()
        .stdout(contains("Đã nhập 10 thay đổi"));
    assert_eq!(
        common::report_text(&source, "2021"),
        common::report_text(&target, "2021")
    );
    // Importing it again changes nothing.
    ward_kpi()
        .args(["--db", target.to_str().unwrap(), "import"])
        .arg(&csv)
        .assert()
        .success()
        .stdout(contains("Đã nhập 0 thay đổi (10 giá trị không đổi)"));
}

#[test]
fn a_hand_made_table_with_title_rows_and_messy_numbers_imports() {
    let scratch = Scratch::new();
    let db = empty_db(&scratch, "hand.db");
    let table = scratch.path("so-lieu.csv");
    std::fs::write(
        &table,
        "BÁO CÁO KẾT QUẢ NĂM 2021\nPhường Thanh Trường\n\n\
         STT;Chỉ tiêu;ĐVT;Kế hoạch;Ước đạt;Thực hiện;Ghi chú\n\
         1;Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3);tấn;2.451,8;;2.809,8;\n\
         \n\
         2;Thu ngân sách;đồng;16.909.601.491;17.416,889,536;;bài báo\n\
         3;Doanh thu thương mại - dịch vụ;tỷ đồng;;208 tỷ;;\n",
    )
    .unwrap();
    let dry = ward_kpi()
        .args([
            "--db",
            db.to_str().unwrap(),
            "import",
            "--year",
            "2021",
            "--dry-run",
            "--verbose",
        ])
        .arg(&table)
        .assert()
        .success()
        .stdout(contains(
            "Dòng 5: 03142, 2021, crop_output, Thực hiện: – → 2.809,8",
        ))
        .stdout(contains(
            "Dòng 7: 03142, 2021, budget_revenue, Ước đạt: – → 17.416.889.536",
        ))
        .stdout(contains("chưa ghi gì"))
        .stderr(contains("so-lieu.csv, dòng 7, cột \"Ước đạt\"").and(contains("lẫn lộn")));
    drop(dry);
    assert!(common::report_text(&db, "2021").contains("\"no_data\""));
    assert!(
        !common::report_text(&db, "2021").contains("\"exceeded\""),
        "a dry run writes nothing"
    );

    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "import", "--year", "2021"])
        .arg(&table)
        .assert()
        .success();
    let json = common::report_text(&db, "2021");
    assert!(json.contains("\"percent_of_plan\": 114.6"), "{json}");
    assert!(json.contains("\"value\": 17416889536"));
    assert!(json.contains("\"value\": 208,"));
}

#[test]
fn each_bad_row_is_named_and_nothing_is_written() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("bad.db");
    let before = common::report_text(&db, "2021");
    let table = scratch.path("loi.csv");
    std::fs::write(
        &table,
        "year,indicator,plan,actual,note\n\
         2021,crop_output,2.500,2.900,\n\
         2021,no_such_indicator,1,2,\n\
         2021,sown_area,,nhiều,\n\
         2021,construction_works,,-5,\n\
         1800,party_cells,,18,\n\
         2021,crop_output,,2.950,\n",
    )
    .unwrap();
    let out = ward_kpi()
        .args(["--db", db.to_str().unwrap(), "import"])
        .arg(&table)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    for needle in [
        "loi.csv, dòng 3, cột \"indicator\": không có chỉ tiêu \"no_such_indicator\"",
        "loi.csv, dòng 4, cột \"actual\"",
        "loi.csv, dòng 5, cột \"actual\": Số âm",
        "loi.csv, dòng 6, cột \"year\"",
        "loi.csv, dòng 7, cột \"actual\": giá trị này đã có ở một dòng trước",
        "không nhập gì: 5 lỗi",
    ] {
        assert!(stderr.contains(needle), "'{needle}' not in:\n{stderr}");
    }
    assert_eq!(
        common::report_text(&db, "2021"),
        before,
        "the good row was not written either"
    );
}

#[test]
fn a_file_without_a_header_or_of_another_type_is_refused() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("types.db");
    let notes = scratch.path("ghi-chu.csv");
    std::fs::write(&notes, "chỉ là ghi chú\nkhông có bảng\n").unwrap();
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "import"])
        .arg(&notes)
        .assert()
        .failure()
        .stderr(contains("ghi-chu.csv").and(contains("không thấy dòng tiêu đề")));
    let pdf = scratch.path("bao-cao.pdf");
    std::fs::write(&pdf, "%PDF-1.7").unwrap();
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "import"])
        .arg(&pdf)
        .assert()
        .failure()
        .stderr(contains("bao-cao.pdf").and(contains("dùng .csv hoặc .xlsx")));
}

#[test]
fn a_hand_made_workbook_imports_numbers_as_cells_and_as_text() {
    let scratch = Scratch::new();
    let db = empty_db(&scratch, "xlsx.db");
    let path = scratch.path("so-lieu.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Năm 2021").unwrap();
    sheet
        .write_string(0, 0, "BÁO CÁO KẾT QUẢ NĂM 2021")
        .unwrap();
    for (column, heading) in ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"]
        .iter()
        .enumerate()
    {
        sheet
            .write_string(2, u16::try_from(column).unwrap(), *heading)
            .unwrap();
    }
    sheet.write_string(3, 1, "Kinh tế").unwrap();
    sheet.write_number(4, 0, 1).unwrap();
    sheet
        .write_string(4, 1, "Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3)")
        .unwrap();
    sheet.write_number(4, 3, 2451.8).unwrap();
    sheet.write_number(4, 4, 2809.8).unwrap();
    sheet.write_number(5, 0, 2).unwrap();
    sheet.write_string(5, 1, "Thu ngân sách").unwrap();
    sheet.write_string(5, 3, "16.909.601.491").unwrap();
    sheet.write_number(5, 4, 17_416_889_536.0).unwrap();
    sheet.write_number(6, 0, 3).unwrap();
    sheet.write_string(6, 1, "Số chi bộ trực thuộc").unwrap();
    sheet.write_number(6, 4, -18).unwrap();
    workbook.save(&path).unwrap();

    // The negative count is named by sheet, row and column; nothing is written.
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "import", "--year", "2021"])
        .arg(&path)
        .assert()
        .failure()
        .stderr(contains(
            "so-lieu.xlsx, Năm 2021, dòng 7, cột \"Thực hiện\": Số âm",
        ));
    assert!(!common::report_text(&db, "2021").contains("\"exceeded\""));

    // Without the bad row the rest goes in, cells and typed text alike; the year is a number
    // cell too (2021, never "2.021").
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, heading) in ["Năm", "Chỉ tiêu", "Kế hoạch", "Thực hiện"]
        .iter()
        .enumerate()
    {
        sheet
            .write_string(0, u16::try_from(column).unwrap(), *heading)
            .unwrap();
    }
    sheet.write_number(1, 0, 2021).unwrap();
    sheet
        .write_string(1, 1, "Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3)")
        .unwrap();
    sheet.write_number(1, 2, 2451.8).unwrap();
    sheet.write_number(1, 3, 2809.8).unwrap();
    sheet.write_number(2, 0, 2021).unwrap();
    sheet.write_string(2, 1, "Thu ngân sách").unwrap();
    sheet.write_string(2, 2, "16.909.601.491").unwrap();
    sheet.write_number(2, 3, 17_416_889_536.0).unwrap();
    workbook.save(&path).unwrap();
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "import"])
        .arg(&path)
        .assert()
        .success();
    let json = common::report_text(&db, "2021");
    assert!(json.contains("\"value\": 2809.8"), "{json}");
    assert!(json.contains("\"percent_of_plan\": 114.6"), "{json}");
    assert!(json.contains("\"value\": 17416889536"), "{json}");
}

#[test]
fn an_exported_workbook_imports_through_its_figures_sheet_as_the_same_report() {
    let scratch = Scratch::new();
    let source = scratch.demo_db("source.db");
    let xlsx = scratch.path("bao-cao.xlsx");
    common::export(&source, "2021", "xlsx", &xlsx).success();
    let target = empty_db(&scratch, "target.db");
    // No --year: the figures sheet names the year (and the ward) of every row.
    ward_kpi()
        .args(["--db", target.to_str().unwrap(), "import"])
        .arg(&xlsx)
        .assert()
        .success()
        .stdout(contains("Đã nhập 10 thay đổi"));
    // Plans with their source and derived flag, every stage, notes: the same report.
    assert_eq!(
        common::report_text(&source, "2021"),
        common::report_text(&target, "2021")
    );
    // The published text of the budget is kept as it was typed, not only its value.
    let store = ward_kpi::store::Store::open(&target).unwrap();
    let (unit, _) = store.unit_for("03142", 2021).unwrap();
    let (budget, _) = store.indicator("budget_revenue").unwrap();
    let figures = store.figures_of(unit, 2021).unwrap();
    assert_eq!(figures[&budget][0].text, "17.416,889,536");
    let plans = store.plans_of(unit, 2021).unwrap();
    assert!(plans[&budget][0].derived && !plans[&budget][0].note.is_empty());
    // Importing it again changes nothing.
    ward_kpi()
        .args(["--db", target.to_str().unwrap(), "import"])
        .arg(&xlsx)
        .assert()
        .success()
        .stdout(contains("Đã nhập 0 thay đổi (10 giá trị không đổi)"));
}

#[test]
fn a_band_plan_survives_the_csv_round_trip() {
    let scratch = Scratch::new();
    let source = scratch.demo_db("source.db");
    ward_kpi()
        .args(["--db", source.to_str().unwrap(), "set", "--year", "2021"])
        .args([
            "--indicator",
            "poverty_rate",
            "--plan",
            "6,6 – 6,8",
            "--actual",
            "6,7",
        ])
        .assert()
        .success();
    let csv = scratch.path("bao-cao.csv");
    common::export(&source, "2021", "csv", &csv).success();
    let target = empty_db(&scratch, "target.db");
    ward_kpi()
        .args(["--db", target.to_str().unwrap(), "import"])
        .arg(&csv)
        .assert()
        .success();
    let report = common::report_text(&target, "2021");
    assert!(report.contains("\"plan_high\": 6.8"), "{report}");
    assert_eq!(common::report_text(&source, "2021"), report);
}

#[test]
fn hand_made_tables_match_people_not_only_machines() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("people.db");
    let before = common::report_text(&db, "2021");
    // A ward code that lost its leading zero in Excel, a name broken over two lines in its
    // cell, a blank note (the stored one stays), and a value that repeats the stored one:
    // nothing changes, nothing is refused.
    let table = scratch.path("tay.csv");
    std::fs::write(
        &table,
        "Mã ĐVHC;Năm;Chỉ tiêu;Thực hiện;Ghi chú\n\
         3142;2021;\"Số chi bộ\ntrực thuộc\";18;\n",
    )
    .unwrap();
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "import"])
        .arg(&table)
        .assert()
        .success()
        .stdout(contains("Đã nhập 0 thay đổi (1 giá trị không đổi)"));
    assert_eq!(common::report_text(&db, "2021"), before);

    // A stage this program does not know is named, not passed over.
    std::fs::write(
        &table,
        "Năm,Chỉ tiêu,Giai đoạn,Giá trị\n2021,Số chi bộ trực thuộc,sơ bộ,19\n",
    )
    .unwrap();
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "import"])
        .arg(&table)
        .assert()
        .failure()
        .stderr(contains(
            "tay.csv, dòng 2, cột \"Giai đoạn\": không rõ giai đoạn \"sơ bộ\"",
        ));
    assert_eq!(common::report_text(&db, "2021"), before);
}

/// A table of the three soft rules' slips, for the demo database (2021 as published): crop
/// output in 2022 at a thousandth of 2021's (a change on last year), the 2021 crop output ten
/// times its plan, and the 2021 budget's actual a tenth of its estimate.
const DOUBTED: &str = "Năm;Chỉ tiêu;ĐVT;Thực hiện\n\
     2022;Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3);tấn;2,809\n\
     2021;Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3);tấn;28.098\n\
     2021;Thu ngân sách;đồng;1.741.688.953\n";

#[test]
fn doubted_values_are_listed_and_written_only_when_agreed() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("doubted.db");
    let before = common::snapshot(&db);
    let file = scratch.path("nghi-ngo.csv");
    std::fs::write(&file, DOUBTED).unwrap();
    let import = |flags: &[&str]| {
        ward_kpi()
            .args(["--db", db.to_str().unwrap(), "import"])
            .arg(&file)
            .args(flags)
            // Not a terminal: nobody to ask.
            .write_stdin("")
            .assert()
    };
    let listed = [
        "nghi-ngo.csv, dòng 2, cột \"Thực hiện\": “Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3)” năm 2022: 2,809 tấn: giảm 99,9% so với năm trước (2.809,8 tấn); ngưỡng ±50%",
        "năm 2021: 28.098 tấn: gấp 11,5 lần kế hoạch (2.451,8 tấn); ngưỡng 3 lần",
        "“Thu ngân sách” năm 2021: 1.741.688.953 đồng: ước đạt 17.416.889.536 đồng và thực hiện 1.741.688.953 đồng lệch nhau 90%; ngưỡng 20%",
    ];
    let mut refused = import(&[]).failure().stderr(contains("--yes"));
    for line in listed {
        refused = refused.stderr(contains(line));
    }
    import(&["--strict"])
        .failure()
        .stderr(contains("--strict"))
        .stderr(contains(listed[0]));
    import(&["--dry-run"]).success().stderr(contains(listed[1]));
    assert_eq!(common::snapshot(&db)[0], before[0], "nothing written");
    import(&["--yes"])
        .success()
        .stdout(contains("Đã nhập 3 thay đổi"));
    let report: serde_json::Value =
        serde_json::from_str(&common::report_text(&db, "2022")).unwrap();
    let crop = report
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["indicator"] == "crop_output")
        .unwrap();
    assert_eq!(crop["value"], 2.809);
}

#[test]
fn a_value_beyond_its_bound_is_a_problem_and_nothing_is_written() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("bound.db");
    let before = common::snapshot(&db);
    let file = scratch.path("ty-le.csv");
    std::fs::write(
        &file,
        "Chỉ tiêu;Kế hoạch;Thực hiện\nTỷ lệ lao động qua đào tạo;75;733,7\nSố vụ phạm pháp hình sự;;4\n",
    )
    .unwrap();
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "import", "--year", "2021"])
        .arg(&file)
        .args(["--yes"])
        .assert()
        .failure()
        .stderr(contains(
            "ty-le.csv, dòng 2, cột \"Thực hiện\": giá trị 733,7% vượt mức tối đa 100% của chỉ tiêu “Tỷ lệ lao động qua đào tạo”",
        ));
    assert_eq!(common::snapshot(&db)[0], before[0], "nothing written");
}
