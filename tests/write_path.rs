//! One write path, one number style per source: the window's grid, `ward-kpi set` and imports
//! obey the same rules (archived indicators, notes, plan equality, plan source, the derived
//! flag), and a file is read in its own number style, whatever the user's language.

#![allow(clippy::unwrap_used)]

mod common;

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

use common::{Scratch, ward_kpi};

/// The report row of one indicator, as `report --format json` writes it.
fn row(db: &std::path::Path, year: &str, code: &str) -> Value {
    let report: Value = serde_json::from_str(&common::report_text(db, year)).unwrap();
    report
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["indicator"] == code)
        .unwrap_or_else(|| panic!("no row {code}"))
        .clone()
}

/// `ward-kpi --db DB ARGS… import FILE --year 2021`.
fn import(db: &std::path::Path, file: &std::path::Path, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = ward_kpi();
    cmd.arg("--db").arg(db).args(args).arg("import").arg(file);
    cmd.args(["--year", "2021"]);
    cmd
}

// --- The number style belongs to the file --------------------------------------------------

#[test]
fn a_vietnamese_sheet_reads_as_vietnamese_whatever_the_language() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("lang.db");
    let table = scratch.path("bang.csv");
    std::fs::write(
        &table,
        "Chỉ tiêu;Kế hoạch;Thực hiện\n\
         Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3);2.600;2.809\n\
         Thu ngân sách;18.000.000.000;\n",
    )
    .unwrap();
    import(&db, &table, &["--lang", "en"])
        .assert()
        .success()
        .stderr(contains("Vietnamese").and(contains("18.000.000.000")));
    let crop = row(&db, "2021", "crop_output");
    assert_eq!(crop["plan"].to_string(), "2600");
    assert_eq!(crop["value"].to_string(), "2809");
    assert_eq!(
        row(&db, "2021", "budget_revenue")["plan"].to_string(),
        "18000000000"
    );
}

#[test]
fn a_file_whose_numbers_read_two_ways_stops_and_asks() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("ask.db");
    let before = common::snapshot(&db);
    let table = scratch.path("ask.csv");
    // Headings in two languages, and only numbers that read two ways.
    std::fs::write(
        &table,
        "indicator;Kế hoạch;actual\ncrop_output;2.600;2.809\n",
    )
    .unwrap();
    import(&db, &table, &[]).assert().failure().stderr(
        contains("dòng 2")
            .and(contains("2.600"))
            .and(contains("--number-style")),
    );
    assert_eq!(common::snapshot(&db), before);
    // Read as English numbers, 2.809 replaces the stored 2.809,8: flagged as a likely slip,
    // and written once agreed.
    import(&db, &table, &["--number-style", "en"])
        .assert()
        .failure()
        .stderr(contains("so với số đã lưu"));
    import(&db, &table, &["--number-style", "en"])
        .arg("--yes")
        .assert()
        .success();
    let crop = row(&db, "2021", "crop_output");
    assert_eq!(crop["plan"].to_string(), "2.6");
    assert_eq!(crop["value"].to_string(), "2.809");
}

#[test]
fn a_file_with_numbers_of_both_styles_is_refused_naming_one_of_each() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("both.db");
    let before = common::snapshot(&db);
    let table = scratch.path("both.csv");
    std::fs::write(
        &table,
        "Chỉ tiêu;Kế hoạch;Thực hiện\n\
         Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3);2.451,8;2,809.8\n",
    )
    .unwrap();
    import(&db, &table, &[])
        .assert()
        .failure()
        .stderr(contains("2.451,8").and(contains("2,809.8")));
    assert_eq!(common::snapshot(&db), before);
    // The cell of the other style far below the one that decides, after ambiguous ones.
    let mut text = String::from("Chỉ tiêu;Thực hiện\nThu ngân sách;18.000.000.000\n");
    for _ in 0..200 {
        text.push_str("Số chi bộ trực thuộc;2.600\n");
    }
    text.push_str("Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3);1,234.5\n");
    std::fs::write(&table, text).unwrap();
    import(&db, &table, &[]).assert().failure().stderr(
        contains("18.000.000.000")
            .and(contains("dòng 203"))
            .and(contains("1,234.5"))
            .and(contains("trùng").not()),
    );
    assert_eq!(common::snapshot(&db), before);
}

#[test]
fn what_the_file_says_comes_before_the_style_the_user_names() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("first.db");
    let table = scratch.path("first.csv");
    // Vietnamese headings decide "2.600"; a cell decides "18.000.000.000": the user's own
    // style (English here) is for files that say nothing.
    std::fs::write(
        &table,
        "Chỉ tiêu;Kế hoạch\nDiện tích gieo trồng;2.600\nThu ngân sách;18.000.000.000\n",
    )
    .unwrap();
    import(&db, &table, &["--number-style", "en"])
        .assert()
        .success()
        .stderr(contains("18.000.000.000").and(contains("hai cách").not()));
    assert_eq!(row(&db, "2021", "sown_area")["plan"].to_string(), "2600");
    assert_eq!(
        row(&db, "2021", "budget_revenue")["plan"].to_string(),
        "18000000000"
    );
    // A sheet that borrows this program's "ward_code" and "value" headings is still a table
    // people made: its own style is found from its cells.
    let borrowed = scratch.path("borrowed.csv");
    std::fs::write(
        &borrowed,
        "ward_code;indicator;value;stage\n03142;livestock;2.600;actual\n\
         03142;budget_revenue;18.000.000.000;final\n",
    )
    .unwrap();
    import(&db, &borrowed, &[]).assert().success();
    assert_eq!(row(&db, "2021", "livestock")["value"].to_string(), "2600");
}

#[test]
fn number_cells_of_a_workbook_say_nothing_of_its_style_and_read_exactly() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("cells.db");
    let path = scratch.path("cells.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, heading) in ["Chỉ tiêu", "Kế hoạch", "Thực hiện"].iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(column).unwrap(), *heading)
            .unwrap();
    }
    // A number cell with three decimals (which as text would read two ways), and a typed
    // "2.600" that the Vietnamese headings decide.
    sheet.write_string(1, 0, "Diện tích gieo trồng").unwrap();
    sheet.write_number(1, 1, 2.125).unwrap();
    sheet.write_string(1, 2, "2.600").unwrap();
    workbook.save(&path).unwrap();
    // 2.600 ha against a plan of 2,125 ha is implausible (a plausibility rule asks): agreed.
    import(&db, &path, &["--lang", "en"])
        .arg("--yes")
        .assert()
        .success()
        .stderr(contains("headings").and(contains("Vietnamese")));
    let area = row(&db, "2021", "sown_area");
    assert_eq!(area["plan"].to_string(), "2.125");
    assert_eq!(area["value"].to_string(), "2600");

    // Number cells alone, under headings of two languages: nothing reads two ways, so nothing
    // is asked and nothing warned, in either of the user's styles.
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, heading) in ["indicator", "Kế hoạch", "actual"].iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(column).unwrap(), *heading)
            .unwrap();
    }
    sheet.write_string(1, 0, "livestock").unwrap();
    sheet.write_number(1, 1, 1500).unwrap();
    sheet.write_number(1, 2, 1620).unwrap();
    sheet.write_string(2, 0, "land_cleared").unwrap();
    sheet.write_number(2, 1, 12.125).unwrap();
    workbook.save(&path).unwrap();
    for style in ["vi", "en"] {
        let out = import(&db, &path, &["--lang", "en", "--number-style", style])
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success(), "{stderr}");
        assert_eq!(
            stderr.trim(),
            "ward-kpi: The file's number style: No number in the file reads two ways"
        );
        assert_eq!(
            row(&db, "2021", "land_cleared")["plan"].to_string(),
            "12.125"
        );
        assert_eq!(row(&db, "2021", "livestock")["value"].to_string(), "1620");
    }
}

#[test]
fn set_reads_values_in_the_users_style_not_the_language() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("style.db");
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args([
            "--lang",
            "en",
            "--number-style",
            "vi",
            "set",
            "--year",
            "2022",
        ])
        .args(["--indicator", "crop_output", "--actual", "2.600"])
        .assert()
        .success();
    assert_eq!(row(&db, "2022", "crop_output")["value"].to_string(), "2600");
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["--lang", "en", "set", "--year", "2022"])
        .args(["--indicator", "crop_output", "--actual", "2.600"])
        .assert()
        .success();
    assert_eq!(row(&db, "2022", "crop_output")["value"].to_string(), "2.6");
}

// --- One write path -------------------------------------------------------------------------

#[test]
fn a_note_that_looks_like_a_formula_survives_the_csv_round_trip() {
    let scratch = Scratch::new();
    let source = scratch.demo_db("formula.db");
    let note = "=2.809,8 tấn, vượt kế hoạch";
    ward_kpi()
        .arg("--db")
        .arg(&source)
        .args([
            "set",
            "--year",
            "2021",
            "--indicator",
            "crop_output",
            "--note",
            note,
        ])
        .assert()
        .success();
    assert_eq!(row(&source, "2021", "crop_output")["note"], note);
    let csv = scratch.path("formula.csv");
    common::export(&source, "2021", "csv", &csv).success();
    let target = scratch.demo_db("target.db");
    ward_kpi()
        .arg("--db")
        .arg(&target)
        .arg("import")
        .arg(&csv)
        .assert()
        .success();
    assert_eq!(row(&target, "2021", "crop_output")["note"], note);
}

#[test]
fn restating_a_derived_plan_without_saying_keeps_it_derived() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("derived.db");
    assert_eq!(row(&db, "2021", "budget_revenue")["plan_derived"], true);
    let table = scratch.path("plan.csv");
    std::fs::write(&table, "Chỉ tiêu;Kế hoạch\nThu ngân sách;16.909.601.491\n").unwrap();
    import(&db, &table, &[])
        .assert()
        .success()
        .stdout(contains("0 thay đổi"));
    assert_eq!(row(&db, "2021", "budget_revenue")["plan_derived"], true);
    // A new target is a published plan.
    std::fs::write(&table, "Chỉ tiêu;Kế hoạch\nThu ngân sách;17.000.000.000\n").unwrap();
    import(&db, &table, &[]).assert().success();
    assert_eq!(row(&db, "2021", "budget_revenue")["plan_derived"], false);
}

#[test]
fn a_changed_plan_note_alone_is_a_change() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("plannote.db");
    let table = scratch.path("rows.csv");
    // This program's figures-sheet layout: one slot per row, each row's note its own.
    std::fs::write(
        &table,
        "row_code,indicator,value,note\nplan.city,crop_output,2451.8,KH thành phố giao (bản sửa)\n",
    )
    .unwrap();
    import(&db, &table, &[])
        .assert()
        .success()
        .stdout(contains("1 thay đổi"));
    let out = ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["history", "--year", "2021", "--indicator", "crop_output"])
        .output()
        .unwrap();
    let history = String::from_utf8(out.stdout).unwrap();
    assert!(
        history.contains("nhập từ rows.csv") && history.contains("(bản sửa)"),
        "{history}"
    );
    // The plan kept its derived flag and value; only the note changed.
    let crop = row(&db, "2021", "crop_output");
    assert_eq!(crop["plan"].to_string(), "2451.8");
    assert_eq!(crop["plan_derived"], true);
}

#[test]
fn an_unknown_plan_source_and_a_band_without_its_low_end_are_problems() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("source.db");
    let before = common::snapshot(&db);
    let table = scratch.path("source.csv");
    std::fs::write(
        &table,
        "indicator,plan,plan_high,plan_source,actual\n\
         crop_output,2500,,ngan_hang,\n\
         sown_area,,130,,\n",
    )
    .unwrap();
    import(&db, &table, &[]).assert().failure().stderr(
        contains("dòng 2, cột \"plan_source\"")
            .and(contains("ngan_hang"))
            .and(contains("dòng 3, cột \"plan\"")),
    );
    assert_eq!(common::snapshot(&db), before);
}

#[test]
fn an_archived_indicator_takes_no_values_from_any_face() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("archived.db");
    {
        let store = ward_kpi::store::Store::open(&db).unwrap();
        let (_, mut indicator) = store.indicator("sown_area").unwrap();
        indicator.archived = true;
        store.update_indicator(&indicator).unwrap();
    }
    let before = common::snapshot(&db);
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args([
            "set",
            "--year",
            "2021",
            "--indicator",
            "sown_area",
            "--actual",
            "120",
        ])
        .assert()
        .failure()
        .stderr(contains("sown_area").and(contains("lưu trữ")));
    let table = scratch.path("archived.csv");
    std::fs::write(&table, "indicator;Thực hiện\nsown_area;120\n").unwrap();
    import(&db, &table, &[])
        .assert()
        .failure()
        .stderr(contains("dòng 2").and(contains("lưu trữ")));
    assert_eq!(common::snapshot(&db), before);
}

#[test]
fn a_note_alone_is_set_on_the_value_the_report_shows() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("note.db");
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["set", "--year", "2021", "--indicator", "construction_works"])
        .args(["--note", "8 công trình đã nghiệm thu"])
        .assert()
        .success()
        .stdout(contains("1 thay đổi"));
    let works = row(&db, "2021", "construction_works");
    assert_eq!(works["note"], "8 công trình đã nghiệm thu");
    assert_eq!(works["value"].to_string(), "8");
    // A note with no value at all to belong to is refused, not dropped.
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["set", "--year", "2021", "--indicator", "sown_area"])
        .args(["--note", "chưa có số"])
        .assert()
        .failure()
        .stderr(contains("ghi chú"));
}

#[test]
fn reports_and_exports_write_numbers_in_the_users_style() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("show.db");
    let args = ["--lang", "en", "--number-style", "vi"];
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(args)
        .args(["report", "--year", "2021"])
        .assert()
        .success()
        .stdout(contains("2.809,8 (actual)").and(contains("114,6%")));
    let txt = scratch.path("cau.txt");
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(args)
        .args(["export", "--year", "2021", "--format", "txt", "-o"])
        .arg(&txt)
        .assert()
        .success();
    let text = std::fs::read_to_string(&txt).unwrap();
    assert!(
        text.contains("2.809,8 tonnes") && text.contains("114,6%"),
        "{text}"
    );
}

#[test]
fn a_table_of_one_figure_a_row_keeps_each_rows_note_on_its_figure() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("stages.db");
    let table = scratch.path("stages.csv");
    std::fs::write(
        &table,
        "Chỉ tiêu;Giá trị;Giai đoạn;Ghi chú\n\
         Số chi bộ trực thuộc;17;Ước đạt;ước tháng 11\n\
         Số chi bộ trực thuộc;19;Thực hiện;đã kiện toàn\n",
    )
    .unwrap();
    import(&db, &table, &[])
        .assert()
        .success()
        .stdout(contains("2 thay đổi"));
    let party = row(&db, "2021", "party_cells");
    assert_eq!(party["value"].to_string(), "19");
    assert_eq!(party["note"], "đã kiện toàn");
}

#[test]
fn a_derived_flag_reads_as_a_spreadsheet_writes_it_and_nothing_else_is_guessed() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("flag.db");
    let table = scratch.path("flag.csv");
    // Excel writes TRUE for the exported "true".
    std::fs::write(
        &table,
        "indicator,plan,plan_derived\nbudget_revenue,16909601491,TRUE\n",
    )
    .unwrap();
    import(&db, &table, &[])
        .assert()
        .success()
        .stdout(contains("0 thay đổi"));
    assert_eq!(row(&db, "2021", "budget_revenue")["plan_derived"], true);
    std::fs::write(
        &table,
        "indicator,plan,plan_derived\nbudget_revenue,16909601491,có lẽ\n",
    )
    .unwrap();
    import(&db, &table, &[])
        .assert()
        .failure()
        .stderr(contains("plan_derived").and(contains("có lẽ")));
}

#[test]
fn a_note_row_of_a_hand_made_table_is_a_note_and_a_remark_is_passed_over() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("noterow.db");
    let table = scratch.path("noterow.csv");
    std::fs::write(
        &table,
        "Chỉ tiêu;Thực hiện;Ghi chú\n\
         Số chi bộ trực thuộc;;02 cơ quan, 02 nhà trường, 14 phố, bản\n\
         Số liệu ước đến 15/12;;theo báo cáo tháng\n",
    )
    .unwrap();
    import(&db, &table, &[])
        .assert()
        .success()
        .stdout(contains("1 thay đổi"));
    assert_eq!(
        row(&db, "2021", "party_cells")["note"],
        "02 cơ quan, 02 nhà trường, 14 phố, bản"
    );
}

#[test]
fn a_plan_source_without_a_plan_and_a_missing_file_are_refused_plainly() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("flags.db");
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["set", "--year", "2021", "--indicator", "crop_output"])
        .args(["--plan-source", "ward_council", "--note", "NQ HĐND"])
        .assert()
        .failure()
        .stderr(contains("--plan-source").and(contains("--plan")));
    let missing = scratch.path("khong-co.csv");
    import(&db, &missing, &[])
        .assert()
        .failure()
        .stderr(contains("khong-co.csv").and(contains("không đọc được tệp")));
}
