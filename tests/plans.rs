//! Plans as they are worded ("Dưới 3%", "tăng 10% so với cùng kỳ"), through the command line:
//! written by `set`, kept as typed, judged by their own form in `report`, resolved against last
//! year's value whenever it changes, and carried whole through the program's own files.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

use common::{Scratch, ward_kpi};

/// `ward-kpi --db DB set --year YEAR --indicator CODE ARGS…`, ready to assert.
fn set(db: &Path, year: &str, indicator: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    ward_kpi()
        .arg("--db")
        .arg(db)
        .args(["set", "--year", year, "--indicator", indicator])
        .args(args)
        .assert()
}

/// The report row of one indicator, as `report --format json` writes it.
fn row(db: &Path, year: &str, code: &str) -> Value {
    let report: Value = serde_json::from_str(&common::report_text(db, year)).unwrap();
    report
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["indicator"] == code)
        .unwrap_or_else(|| panic!("no row {code}"))
        .clone()
}

/// The report table of a year, in `lang`.
fn table(db: &Path, year: &str, lang: &str) -> String {
    let out = ward_kpi()
        .arg("--db")
        .arg(db)
        .args(["--lang", lang, "report", "--year", year])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_ceiling_set_on_the_command_line_is_shown_as_typed_and_met_at_its_bound() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("ceiling.db");
    set(
        &db,
        "2021",
        "poverty_rate",
        &["--plan", "Dưới 3%", "--actual", "3"],
    )
    .success();
    let poverty = row(&db, "2021", "poverty_rate");
    assert_eq!(poverty["plan_text"], "Dưới 3%");
    assert_eq!(poverty["plan_form"], "at_most");
    assert_eq!(poverty["plan"].to_string(), "3");
    assert_eq!(poverty["status"], "met");
    assert_eq!(poverty["percent_of_plan"].to_string(), "100");
    assert!(table(&db, "2021", "vi").contains("Dưới 3%"));
    // In English, in English words.
    assert!(table(&db, "2021", "en").contains("at most 3"));

    // A ceiling on an indicator where more is better is still a ceiling.
    set(
        &db,
        "2021",
        "trained_labour_share",
        &["--plan", "không quá 60%", "--actual", "58,5"],
    )
    .success();
    let labour = row(&db, "2021", "trained_labour_share");
    assert_eq!(labour["plan_text"], "không quá 60%");
    assert_eq!(labour["status"], "exceeded");
    set(&db, "2021", "trained_labour_share", &["--actual", "61"]).success();
    assert_eq!(
        row(&db, "2021", "trained_labour_share")["status"],
        "not_met"
    );

    // Restated in other words, the same ceiling is no change.
    set(&db, "2021", "poverty_rate", &["--plan", "không quá 3%"]).success();
    assert_eq!(row(&db, "2021", "poverty_rate")["plan_text"], "Dưới 3%");
    // The history names the plan in its words.
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["history", "--year", "2021", "--indicator", "poverty_rate"])
        .assert()
        .success()
        .stdout(contains("Dưới 3%"));
}

#[test]
fn a_plan_on_last_year_follows_last_years_value() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("relative.db");
    // 2021's crop output is 2.809,8 tấn (thực hiện).
    set(
        &db,
        "2022",
        "crop_output",
        &["--plan", "tăng 10% so với cùng kỳ", "--actual", "3.200"],
    )
    .success();
    let crop = row(&db, "2022", "crop_output");
    assert_eq!(crop["plan_text"], "tăng 10% so với cùng kỳ");
    assert_eq!(crop["plan_form"], "relative");
    assert_eq!(crop["plan"].to_string(), "3090.78");
    assert_eq!(crop["status"], "exceeded");
    assert!(table(&db, "2022", "vi").contains("tăng 10% so với cùng kỳ (≈\u{a0}3.090,8)"));

    // Last year's value changes: the plan follows at once.
    set(&db, "2021", "crop_output", &["--actual", "3.000"]).success();
    let crop = row(&db, "2022", "crop_output");
    assert_eq!(crop["plan"].to_string(), "3300");
    assert_eq!(crop["status"], "not_met");
    // Last year's latest stage is the one that counts.
    set(&db, "2021", "crop_output", &["--final", "2.900"]).success();
    let crop = row(&db, "2022", "crop_output");
    assert_eq!(crop["plan"].to_string(), "3190");
    assert_eq!(crop["status"], "exceeded");
    assert!(table(&db, "2022", "en").contains("up 10% on last year (≈\u{a0}3,190)"));

    // No value last year: the plan is kept as typed, and nothing is compared.
    set(&db, "2021", "crop_output", &["--actual", "", "--final", ""]).success();
    let crop = row(&db, "2022", "crop_output");
    assert_eq!(crop["plan_text"], "tăng 10% so với cùng kỳ");
    assert_eq!(crop["plan"], Value::Null);
    assert_eq!(crop["percent_of_plan"], Value::Null);
    assert_eq!(crop["status"], "no_plan");
    assert!(
        table(&db, "2022", "vi")
            .contains("tăng 10% so với cùng kỳ (không tính được: chưa có số liệu năm trước)")
    );
    assert!(table(&db, "2022", "en").contains("(cannot resolve: no value for last year)"));
}

#[test]
fn points_on_a_rate_and_a_plan_typed_in_english() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("points.db");
    set(&db, "2021", "poverty_rate", &["--actual", "3,2"]).success();
    set(
        &db,
        "2022",
        "poverty_rate",
        &["--plan", "giảm 0,5 điểm %", "--actual", "2,7"],
    )
    .success();
    let poverty = row(&db, "2022", "poverty_rate");
    assert_eq!(poverty["plan"].to_string(), "2.7");
    assert_eq!(poverty["status"], "met");

    // Typed in English with English numbers, read back in a Vietnamese session.
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["--lang", "en", "set", "--year", "2022", "--indicator"])
        .args(["near_poor_rate", "--plan", "below 4.5%", "--actual", "4.5"])
        .assert()
        .success();
    let near_poor = row(&db, "2022", "near_poor_rate");
    assert_eq!(near_poor["plan_form"], "at_most");
    assert_eq!(near_poor["plan"].to_string(), "4.5");
    assert_eq!(near_poor["status"], "met");
    assert!(table(&db, "2022", "vi").contains("dưới 4,5"));
    assert!(table(&db, "2022", "en").contains("below 4.5%"));
}

#[test]
fn a_wording_that_says_too_little_is_refused_and_changes_nothing() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("refused.db");
    let before = common::snapshot(&db);
    set(&db, "2022", "crop_output", &["--plan", "tăng 10"])
        .failure()
        .stderr(contains("--plan").and(contains("điểm %")));
    set(&db, "2022", "crop_output", &["--plan", "giảm 0,5 điểm %"])
        .failure()
        .stderr(contains("tấn"));
    set(&db, "2022", "crop_output", &["--plan", "Dưới"])
        .failure()
        .stderr(contains("--plan"));
    assert_eq!(common::snapshot(&db), before);
}

#[test]
fn worded_plans_survive_the_programs_own_files() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("files.db");
    set(
        &db,
        "2021",
        "poverty_rate",
        &["--plan", "Dưới 3,5%", "--actual", "3"],
    )
    .success();
    set(
        &db,
        "2021",
        "new_jobs",
        &["--plan", "Trên 1.500", "--actual", "1.600"],
    )
    .success();
    set(
        &db,
        "2022",
        "crop_output",
        &["--plan", "tăng 10% so với cùng kỳ"],
    )
    .success();
    for (year, format) in [
        ("2021", "csv"),
        ("2021", "xlsx"),
        ("2022", "csv"),
        ("2022", "xlsx"),
    ] {
        let file = scratch.path(&format!("{year}.{format}"));
        common::export(&db, year, format, &file).success();
        // Read into a fresh database, each plan keeps its form…
        let target = scratch.demo_db(&format!("target-{year}-{format}.db"));
        ward_kpi()
            .arg("--db")
            .arg(&target)
            .arg("import")
            .arg(&file)
            .assert()
            .success();
        for code in ["poverty_rate", "new_jobs", "crop_output"] {
            let (a, b) = (row(&db, year, code), row(&target, year, code));
            for field in ["plan", "plan_form", "status"] {
                assert_eq!(a[field], b[field], "{format} {year} {code} {field}");
            }
        }
        // …and read again into the database it came from, it changes nothing.
        ward_kpi()
            .arg("--db")
            .arg(&db)
            .arg("import")
            .arg(&file)
            .assert()
            .success()
            .stdout(contains("0 thay đổi"));
    }
    let csv = std::fs::read_to_string(scratch.path("2021.csv")).unwrap();
    let poverty = csv.lines().find(|l| l.contains(",poverty_rate,")).unwrap();
    // As typed where it reads the same in a machine file's style…
    assert!(
        poverty.contains(",\"Dưới 3,5%\",,city,false,at_most,3.5,"),
        "{poverty}"
    );
    // …else in English words: "1.500" would read as 1,5 there.
    let jobs = csv.lines().find(|l| l.contains(",new_jobs,")).unwrap();
    assert!(
        jobs.contains(",\"at least 1,500\",,city,false,at_least,1500,"),
        "{jobs}"
    );
}

#[test]
fn exports_show_the_wording() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("exports.db");
    set(
        &db,
        "2021",
        "poverty_rate",
        &["--plan", "Dưới 3%", "--actual", "2,8"],
    )
    .success();
    let txt = scratch.path("cau.txt");
    common::export(&db, "2021", "txt", &txt).success();
    let text = std::fs::read_to_string(&txt).unwrap();
    assert!(
        text.contains("Tỷ lệ hộ nghèo đạt 2,8%, đạt 107,1% kế hoạch thành phố giao (Dưới 3%)."),
        "{text}"
    );
    let pdf = scratch.path("bao-cao.pdf");
    common::export(&db, "2021", "pdf", &pdf).success();
    let text = pdf_extract::extract_text(&pdf).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Dưới 3%"), "{text}");
}
