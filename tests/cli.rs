//! The command line as a new user meets it: each subcommand, and each bad input refused with one
//! clear line naming what and where, the database unchanged.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use predicates::prelude::*;
use predicates::str::contains;

use common::{Scratch, snapshot, ward_kpi};

fn report_json(db: &Path, year: &str) -> serde_json::Value {
    serde_json::from_str(&common::report_text(db, year)).unwrap()
}

fn row<'a>(report: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    report
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["indicator"] == code)
        .unwrap()
}

/// A database's state as the command line shows it: every report row of 2021 and 2022, and the
/// crop-output change log.
fn state(db: &Path) -> (serde_json::Value, serde_json::Value, String) {
    let history = ward_kpi()
        .args([
            "--db",
            db.to_str().unwrap(),
            "history",
            "--year",
            "2021",
            "--indicator",
            "crop_output",
        ])
        .output()
        .unwrap();
    (
        report_json(db, "2021"),
        report_json(db, "2022"),
        String::from_utf8(history.stdout).unwrap(),
    )
}

#[test]
fn a_new_user_sees_the_published_figures() {
    let scratch = Scratch::new();
    let db = scratch.path("x.db");
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "demo"])
        .assert()
        .success()
        .stdout(contains("x.db"));
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "report", "--year", "2021"])
        .assert()
        .success()
        .stdout(contains("Phường Thanh Trường"))
        .stdout(contains("2.809,8 (thực hiện)"))
        .stdout(contains("114,6%"))
        .stdout(contains("17.416.889.536 (ước đạt)"))
        .stdout(contains("103%"))
        .stdout(contains("Vượt"))
        .stdout(contains("I. Kinh tế"))
        .stdout(contains("VI. Xây dựng Đảng"));
}

#[test]
fn the_json_report_has_numbers_and_codes() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("json.db");
    let report = report_json(&db, "2021");
    assert_eq!(
        report.as_array().unwrap().len(),
        ward_kpi::store::seed::catalogue::standard().len()
    );
    let crop = row(&report, "crop_output");
    assert_eq!(crop["unit"], "tấn");
    assert_eq!(crop["plan"].to_string(), "2451.8");
    assert_eq!(crop["value"].to_string(), "2809.8");
    assert_eq!(crop["stage"], "actual");
    assert_eq!(crop["percent_of_plan"].to_string(), "114.6");
    assert_eq!(crop["status"], "exceeded");
    assert!(crop["previous"].is_null() && crop["change_vs_previous"].is_null());
    let budget = row(&report, "budget_revenue");
    assert_eq!(budget["value"].to_string(), "17416889536");
    assert_eq!(budget["stage"], "estimate");
    assert_eq!(budget["percent_of_plan"].to_string(), "103");
    let trade = row(&report, "trade_services_turnover");
    assert_eq!(trade["status"], "no_plan");
    assert!(trade["percent_of_plan"].is_null());
    let area = row(&report, "sown_area");
    assert_eq!(area["status"], "no_data");
    assert!(area["stage"].is_null() && area["value"].is_null());
}

#[test]
fn the_csv_report_is_machine_readable() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("csv.db");
    let out = ward_kpi()
        .args([
            "--db",
            db.to_str().unwrap(),
            "report",
            "--year",
            "2021",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("ward_code,ward,year,indicator,name,category,unit,plan,")
    );
    let crop = text.lines().find(|l| l.contains(",crop_output,")).unwrap();
    assert!(
        crop.contains(",2451.8,") && crop.contains(",2809.8,actual,114.6,exceeded,"),
        "{crop}"
    );
    // A header, then a row per indicator of the catalogue.
    assert_eq!(
        text.lines().count(),
        ward_kpi::store::seed::catalogue::standard().len() + 1
    );
}

#[test]
fn english_output_uses_english_words_and_numbers() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("en.db");
    // --lang works before and after the subcommand.
    for args in [
        vec![
            "--lang",
            "en",
            "--db",
            db.to_str().unwrap(),
            "report",
            "--year",
            "2021",
        ],
        vec![
            "report",
            "--year",
            "2021",
            "--db",
            db.to_str().unwrap(),
            "--lang",
            "en",
        ],
    ] {
        ward_kpi()
            .args(args)
            .assert()
            .success()
            .stdout(contains("2,809.8 (actual)"))
            .stdout(contains("114.6%"))
            .stdout(contains("17,416,889,536 (estimate)"))
            .stdout(contains("Exceeded"))
            .stdout(contains("I. Economy"));
    }
}

#[test]
fn the_database_can_come_from_the_environment() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("env.db");
    ward_kpi()
        .env("WARD_KPI_DB", &db)
        .args(["report", "--year", "2021"])
        .assert()
        .success()
        .stdout(contains("114,6%"));
}

#[test]
fn indicators_and_units_are_listed() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("list.db");
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "indicators"])
        .assert()
        .success()
        .stdout(contains("crop_output"))
        .stdout(contains("Thu ngân sách"))
        .stdout(contains("Quốc phòng - An ninh"))
        .stdout(contains("Càng thấp càng tốt"));
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "units"])
        .assert()
        .success()
        .stdout(contains("03142"))
        .stdout(contains("Phường Điện Biên Phủ"))
        .stdout(contains("01/07/2025"));
}

fn units_json(db: &Path) -> Vec<serde_json::Value> {
    let out = ward_kpi()
        .args(["--db", db.to_str().unwrap(), "units", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    value.as_array().unwrap().clone()
}

#[test]
fn units_as_json_carry_level_parent_validity_and_successor_for_scripts() {
    let scratch = Scratch::new();
    let units = units_json(&scratch.demo_db("units.db"));
    let find = |code: &str, from: Option<&str>| -> &serde_json::Value {
        units
            .iter()
            .find(|u| u["code"] == code && u["valid_from"].as_str() == from)
            .unwrap_or_else(|| panic!("{code} from {from:?}"))
    };
    let province = find("11", None);
    assert_eq!(province["level"], "province");
    assert!(province["parent"].is_null() && province["valid_to"].is_null());
    // One code, two units: the old Phường Him Lam and the new Phường Điện Biên Phủ.
    let him_lam = find("03127", None);
    assert_eq!(him_lam["name"], "Phường Him Lam");
    assert_eq!(him_lam["parent"], "094");
    assert_eq!(him_lam["valid_to"], "2025-06-30");
    assert_eq!(him_lam["successor"], "03127");
    let new = find("03127", Some("2025-07-01"));
    assert_eq!(new["name"], "Phường Điện Biên Phủ");
    assert_eq!(new["level"], "ward");
    assert_eq!(new["parent"], "11");
    assert!(new["valid_to"].is_null() && new["successor"].is_null());
    assert_eq!(new["synthetic"], false);
    let keys: Vec<&String> = new.as_object().unwrap().keys().collect();
    assert_eq!(
        keys.len(),
        8,
        "code, name, level, parent, valid_from, valid_to, successor, synthetic: {keys:?}"
    );

    let db = scratch.path("synthetic.db");
    ward_kpi()
        .args([
            "--db",
            db.to_str().unwrap(),
            "demo",
            "--synthetic",
            "--wards",
            "2",
        ])
        .args(["--years", "2", "--indicators", "2"])
        .assert()
        .success();
    let units = units_json(&db);
    let synthetic: Vec<_> = units.iter().filter(|u| u["synthetic"] == true).collect();
    // The province, one city, each ward before and after the reform.
    assert_eq!(synthetic.len(), 1 + 1 + 2 * 2);
    assert!(
        synthetic
            .iter()
            .any(|u| u["code"] == "SYNP" && u["level"] == "province")
    );
    assert!(
        synthetic
            .iter()
            .any(|u| u["code"] == "SYNC001" && u["level"] == "district" && u["parent"] == "SYNP")
    );
}

#[test]
fn set_parses_vietnamese_numbers_and_logs_the_change() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("set.db");
    let dbs = db.to_str().unwrap();
    ward_kpi()
        .args([
            "--db",
            dbs,
            "set",
            "--year",
            "2022",
            "--indicator",
            "crop_output",
        ])
        .args([
            "--plan",
            "2.900",
            "--estimate",
            "3.045,5",
            "--note",
            "Ước tháng 12",
        ])
        .assert()
        .success()
        .stdout(contains("2 thay đổi"));
    let report = report_json(&db, "2022");
    let crop = row(&report, "crop_output");
    assert_eq!(crop["plan"].to_string(), "2900");
    assert_eq!(crop["plan_source"], "city");
    assert_eq!(crop["value"].to_string(), "3045.5");
    assert_eq!(crop["stage"], "estimate");
    assert_eq!(crop["percent_of_plan"].to_string(), "105.02");
    assert_eq!(crop["previous"].to_string(), "2809.8");
    assert_eq!(crop["change_vs_previous"].to_string(), "8.39");
    assert_eq!(crop["note"], "Ước tháng 12");

    // Scale words against a đồng field; the mixed separators are read and flagged.
    ward_kpi()
        .args([
            "--db",
            dbs,
            "set",
            "--year",
            "2022",
            "--indicator",
            "budget_revenue",
        ])
        .args(["--actual", "18,2 tỷ"])
        .assert()
        .success();
    ward_kpi()
        .args([
            "--db",
            dbs,
            "set",
            "--year",
            "2022",
            "--indicator",
            "budget_revenue",
        ])
        .args(["--final", "18.216,889,536"])
        .assert()
        .success()
        .stderr(contains("--final '18.216,889,536'"));
    let budget = row(&report_json(&db, "2022"), "budget_revenue").clone();
    assert_eq!(budget["value"].to_string(), "18216889536");
    assert_eq!(budget["stage"], "final");

    ward_kpi()
        .args([
            "--db",
            dbs,
            "history",
            "--year",
            "2022",
            "--indicator",
            "budget_revenue",
        ])
        .assert()
        .success()
        .stdout(contains("tester"))
        .stdout(contains("dòng lệnh"))
        .stdout(contains("Thực hiện"))
        .stdout(contains("18.200.000.000"))
        .stdout(contains("18.216.889.536"));
}

#[test]
fn an_empty_value_clears_it() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("clear.db");
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "set", "--year", "2021"])
        .args(["--indicator", "trade_services_turnover", "--estimate", ""])
        .assert()
        .success();
    assert_eq!(
        row(&report_json(&db, "2021"), "trade_services_turnover")["status"],
        "no_data"
    );
}

/// Runs a command expected to fail and checks: non-zero exit, one line on stderr holding every
/// `needles`, nothing on stdout, and the database unchanged.
fn refused(db: &Path, args: &[&str], needles: &[&str]) {
    let before = state(db);
    let out = ward_kpi().arg("--db").arg(db).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{args:?} succeeded");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
    for needle in needles {
        assert!(
            stderr.contains(needle),
            "{args:?}: '{needle}' not in: {stderr}"
        );
    }
    assert!(out.stdout.is_empty(), "{args:?}");
    assert_eq!(state(db), before, "{args:?} changed the database");
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("bad.db");
    let set = ["set", "--year", "2021", "--indicator"];
    let cases: Vec<(Vec<&str>, Vec<&str>)> = vec![
        (
            [&set[..], &["crop_output", "--actual", "2.80.9"]].concat(),
            vec!["--actual", "2.80.9"],
        ),
        (
            [&set[..], &["construction_works", "--actual", "-5"]].concat(),
            vec!["--actual", "-5", "âm"],
        ),
        (
            [&set[..], &["construction_works", "--actual", "3,5"]].concat(),
            vec!["--actual", "3,5", "công trình"],
        ),
        (
            [&set[..], &["crop_output", "--actual", "abc"]].concat(),
            vec!["--actual", "abc"],
        ),
        (
            [&set[..], &["crop_output", "--actual", "5 ha"]].concat(),
            vec!["--actual", "5 ha"],
        ),
        (
            [&set[..], &["crop_output", "--plan", "12%"]].concat(),
            vec!["--plan", "12%"],
        ),
        // One bad value stops the whole command: the good one is not saved either.
        (
            [
                &set[..],
                &["crop_output", "--estimate", "2.700", "--actual", "x"],
            ]
            .concat(),
            vec!["--actual"],
        ),
        (
            [&set[..], &["no_such_thing", "--actual", "1"]].concat(),
            vec!["no_such_thing"],
        ),
        (
            [&set[..], &["crop_output"]].concat(),
            vec!["--plan", "--note"],
        ),
        (
            vec![
                "set",
                "--year",
                "1800",
                "--indicator",
                "crop_output",
                "--actual",
                "1",
            ],
            vec!["1800"],
        ),
        (
            vec!["report", "--year", "2021", "--ward", "99999"],
            vec!["99999", "2021"],
        ),
        (
            vec!["report", "--year", "2026", "--ward", "03142"],
            vec!["03142", "2026"],
        ),
        (
            vec!["report", "--year", "2021", "--format", "xml"],
            vec!["xml"],
        ),
        (vec!["report"], vec!["--year"]),
        (
            vec!["history", "--year", "2021", "--indicator", "nope"],
            vec!["nope"],
        ),
        (
            vec![
                "set",
                "--year",
                "2021",
                "--indicator",
                "crop_output",
                "--plan",
                "1",
                "--plan-source",
                "ngân hàng",
            ],
            vec!["ngân hàng"],
        ),
        (vec!["frobnicate"], vec!["frobnicate"]),
    ];
    for (args, needles) in cases {
        refused(&db, &args, &needles);
    }
}

#[test]
fn a_bad_database_file_is_named_and_left_untouched() {
    let scratch = Scratch::new();
    let text = scratch.path("notes.txt");
    std::fs::write(&text, "không phải cơ sở dữ liệu").unwrap();
    let before = snapshot(&text);
    ward_kpi()
        .args(["--db", text.to_str().unwrap(), "report", "--year", "2021"])
        .assert()
        .failure()
        .stderr(contains("notes.txt").and(contains("không phải cơ sở dữ liệu ward-kpi")));
    assert_eq!(snapshot(&text), before);

    let missing = scratch.path("missing.db");
    ward_kpi()
        .args(["--db", missing.to_str().unwrap(), "indicators"])
        .assert()
        .failure()
        .stderr(contains("missing.db").and(contains("không có tệp cơ sở dữ liệu này")));
    assert!(!missing.exists());
    // In English on request.
    ward_kpi()
        .args([
            "--lang",
            "en",
            "--db",
            missing.to_str().unwrap(),
            "indicators",
        ])
        .assert()
        .failure()
        .stderr(contains("missing.db").and(contains("no such database file")));
}

#[test]
fn demo_and_init_never_overwrite_a_file() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("keep.db");
    let before = snapshot(&db);
    for command in ["demo", "init"] {
        ward_kpi()
            .args(["--db", db.to_str().unwrap(), command])
            .assert()
            .failure()
            .stderr(contains("keep.db").and(contains("tệp đã tồn tại")));
        assert_eq!(snapshot(&db), before);
    }
    ward_kpi()
        .arg("demo")
        .assert()
        .failure()
        .stderr(contains("--db"));
}

#[test]
fn init_makes_a_catalogue_without_figures() {
    let scratch = Scratch::new();
    let db = scratch.path("empty.db");
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "init"])
        .assert()
        .success();
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "home-ward", "03142"])
        .assert()
        .success();
    let report = report_json(&db, "2021");
    assert_eq!(
        report.as_array().unwrap().len(),
        ward_kpi::store::seed::catalogue::standard().len()
    );
    assert!(
        report
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["status"] == "no_data")
    );
}

#[test]
fn a_new_database_has_no_home_ward_until_one_is_chosen() {
    let scratch = Scratch::new();
    let db = scratch.path("moi.db");
    let dbs = db.to_str().unwrap();
    ward_kpi()
        .args(["--db", dbs, "init"])
        .assert()
        .success()
        .stdout(contains("Đã tạo cơ sở dữ liệu"))
        .stdout(contains("Chưa chọn phường mặc định").and(contains("ward-kpi home-ward MÃ")));
    // A command that needs a ward says how to choose one, in the user's language.
    ward_kpi()
        .args(["--db", dbs, "report", "--year", "2021"])
        .assert()
        .failure()
        .stderr(contains("moi.db: chưa chọn phường mặc định"))
        .stderr(contains("ward-kpi home-ward MÃ").and(contains("--ward MÃ")));
    ward_kpi()
        .args(["--db", dbs, "--lang", "en", "set", "--year", "2021"])
        .args(["--indicator", "party_cells", "--actual", "18"])
        .assert()
        .failure()
        .stderr(contains("no home ward chosen yet").and(contains("ward-kpi home-ward CODE")));
    // Naming the ward works without a home ward.
    ward_kpi()
        .args(["--db", dbs, "report", "--year", "2021", "--ward", "03142"])
        .assert()
        .success();
    ward_kpi()
        .args(["--db", dbs, "home-ward"])
        .assert()
        .success()
        .stdout(contains("Chưa chọn phường mặc định"));
    // Only a ward of the database can be chosen: not a city, not an unknown code.
    for code in ["094", "99999"] {
        let before = snapshot(&db);
        ward_kpi()
            .args(["--db", dbs, "home-ward", code])
            .assert()
            .failure()
            .stderr(contains(format!("không có phường mã '{code}'")));
        assert_eq!(snapshot(&db), before);
    }
    ward_kpi()
        .args(["--db", dbs, "home-ward", "03127"])
        .assert()
        .success()
        .stdout("Phường mặc định: Phường Điện Biên Phủ (mã 03127)\n");
    ward_kpi()
        .args(["--db", dbs, "--lang", "en", "home-ward"])
        .assert()
        .success()
        .stdout("Home ward: Phường Điện Biên Phủ (code 03127)\n");
    // Commands now use it.
    ward_kpi()
        .args(["--db", dbs, "set", "--year", "2025"])
        .args(["--indicator", "party_cells", "--actual", "18"])
        .assert()
        .success()
        .stdout(contains("Phường Điện Biên Phủ"));
}

#[test]
fn the_help_says_how_to_choose_the_home_ward() {
    ward_kpi()
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("home-ward").and(contains("init")));
    ward_kpi()
        .args(["home-ward", "--help"])
        .assert()
        .success()
        .stdout(contains("ward-kpi home-ward 03142").and(contains("ward-kpi units")));
}

#[test]
fn synthetic_data_says_so() {
    let scratch = Scratch::new();
    let db = scratch.path("synthetic.db");
    let dbs = db.to_str().unwrap();
    ward_kpi()
        .args([
            "--db",
            dbs,
            "demo",
            "--synthetic",
            "--wards",
            "2",
            "--years",
            "3",
            "--indicators",
            "30",
        ])
        .assert()
        .success()
        .stdout(contains("2 phường giả lập").and(contains("540 số liệu")));
    ward_kpi()
        .args(["--db", dbs, "report", "--year", "2024", "--ward", "SYN0002"])
        .assert()
        .success()
        .stdout(contains("giả lập"))
        .stdout(contains("Chỉ tiêu giả lập 001"));
    // The demo ward is there too, untouched by the generator.
    let crop = row(&report_json(&db, "2021"), "crop_output").clone();
    assert_eq!(crop["value"].to_string(), "2809.8");
    ward_kpi()
        .args(["--db", dbs, "units"])
        .assert()
        .success()
        .stdout(contains("SYN0001").and(contains("[dữ liệu giả lập]")));
}

#[test]
fn export_writes_csv_and_sentences() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("export.db");
    let csv = scratch.path("bao-cao.csv");
    common::export(&db, "2021", "csv", &csv)
        .success()
        .stdout(contains("bao-cao.csv"));
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with("\u{feff}ward_code,".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("03142,Phường Thanh Trường,2021,crop_output,"));

    let txt = scratch.path("cau.txt");
    common::export(&db, "2021", "txt", &txt).success();
    let text = std::fs::read_to_string(&txt).unwrap();
    assert!(
        text.contains("Thu ngân sách ước đạt 17.416.889.536 đồng, đạt 103% kế hoạch được giao.")
    );
}

#[test]
fn export_writes_a_pdf_with_text_and_a_png_of_the_chart() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("export.db");
    let pdf = scratch.path("bao-cao.pdf");
    common::export(&db, "2021", "pdf", &pdf).success();
    let text = pdf_extract::extract_text(&pdf).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Thu ngân sách ước đạt 17.416.889.536 đồng, đạt 103% kế hoạch được giao."),
        "{text}"
    );

    let png = scratch.path("bieu-do.png");
    common::export(&db, "2021", "png", &png).success();
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    // 1600 × 900 pixels: the width and height in the header chunk.
    assert_eq!(&bytes[16..24], &[0, 0, 6, 64, 0, 0, 3, 132]);

    // A picture holds one ward's chart: "all" of several is refused, and nothing is written.
    let synthetic = scratch.path("synthetic.db");
    ward_kpi()
        .arg("--db")
        .arg(&synthetic)
        .args(["demo", "--synthetic", "--wards", "2", "--years", "1"])
        .args(["--indicators", "3"])
        .assert()
        .success();
    let all = scratch.path("tat-ca.png");
    ward_kpi()
        .arg("--db")
        .arg(&synthetic)
        .args([
            "export", "--year", "2024", "--ward", "all", "--format", "png", "-o",
        ])
        .arg(&all)
        .assert()
        .failure()
        .stderr(contains("chỉ thể hiện một phường"));
    assert!(!all.exists());
}

#[test]
fn a_chart_of_many_indicators_grows_taller_to_name_each_one_whole() {
    let scratch = Scratch::new();
    let db = scratch.path("synthetic.db");
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["demo", "--synthetic", "--wards", "1", "--years", "2"])
        .args(["--indicators", "29"])
        .assert()
        .success();
    let png = scratch.path("bieu-do.png");
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args([
            "export", "--year", "2025", "--ward", "SYN0001", "--format", "png", "-o",
        ])
        .arg(&png)
        .assert()
        .success();
    let bytes = std::fs::read(&png).unwrap();
    // 1600 pixels wide as ever, taller than the 900 of a few bars: a line per indicator.
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!(width, 1600);
    assert!(height > 900, "{height}");
}

#[test]
fn a_failed_export_leaves_no_file() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("export.db");
    let target = scratch.path("no-such-folder/bao-cao.csv");
    common::export(&db, "2021", "csv", &target)
        .failure()
        .stderr(contains("no-such-folder"));
    assert!(!target.exists());
    assert!(!scratch.path("no-such-folder").exists());
    // Leftover temporary files would sit beside the target: there are none in the scratch folder.
    let names: Vec<_> = std::fs::read_dir(scratch.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".part-"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn an_alias_is_added_listed_under_its_indicator_and_refused_for_another() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("alias.db");
    let db = db.to_str().unwrap();
    ward_kpi()
        .args(["--db", db, "alias", "add", "Thu NS", "budget_revenue"])
        .assert()
        .success()
        .stdout(contains("Đã thêm tên gọi khác 'Thu NS'").and(contains("budget_revenue")));
    let out = ward_kpi()
        .args(["--db", db, "indicators", "--aliases"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("budget_revenue "))
        .unwrap();
    assert!(lines[at + 1].contains("↳ tên gọi khác: Thu NS"), "{text}");
    assert_eq!(text.matches("↳").count(), 1, "{text}");
    // Without --aliases the list is as before.
    ward_kpi()
        .args(["--db", db, "indicators"])
        .assert()
        .success()
        .stdout(contains("Thu NS").not());

    // The same name for another indicator, or another's name, is refused naming both; the
    // database is left as it was.
    let path = Path::new(db);
    let before = snapshot(path);
    ward_kpi()
        .args(["--db", db, "alias", "add", "thu  ns", "crop_output"])
        .assert()
        .failure()
        .stderr(contains("crop_output").and(contains("budget_revenue")));
    ward_kpi()
        .args(["--db", db, "--lang", "en", "alias", "add", "Thu ngân sách"])
        .arg("crop_output")
        .assert()
        .failure()
        .stderr(contains("it is the name of indicator 'budget_revenue'"));
    assert_eq!(snapshot(path), before);

    ward_kpi()
        .args(["--db", db, "--lang", "en", "alias", "list"])
        .assert()
        .success()
        .stdout(contains("Thu NS").and(contains("budget_revenue")));
    ward_kpi()
        .args(["--db", db, "alias", "remove", "THU NS"])
        .assert()
        .success()
        .stdout(contains("Đã xóa tên gọi khác"));
    ward_kpi()
        .args(["--db", db, "alias", "remove", "Thu NS"])
        .assert()
        .failure()
        .stderr(contains("không chỉ tiêu nào có tên gọi khác 'Thu NS'"));
}

#[test]
fn an_import_finds_rows_by_alias_and_by_names_as_people_write_them() {
    let scratch = Scratch::new();
    let db = scratch.path("names.db");
    ward_kpi::demo::create_empty(&db).unwrap();
    let db = db.to_str().unwrap();
    let table = scratch.path("phu-luc.csv");
    std::fs::write(
        &table,
        "STT;Chỉ tiêu;ĐVT;Kế hoạch;Thực hiện\n\
         1.1;Tổng sản lượng lương thực;tấn;2.451,8;2.809,8\n\
         a);Thu NS (đồng);đồng;16.909.601.491;\n",
    )
    .unwrap();
    let import = || {
        let mut cmd = ward_kpi();
        cmd.args([
            "--db",
            db,
            "import",
            "--year",
            "2021",
            "--dry-run",
            "--verbose",
        ])
        .arg(&table);
        cmd
    };
    // No indicator is called so: refused, by name.
    import()
        .assert()
        .failure()
        .stderr(contains("Tổng sản lượng lương thực"));
    ward_kpi()
        .args(["--db", db, "alias", "add", "Tổng sản lượng lương thực"])
        .arg("crop_output")
        .assert()
        .success();
    import()
        .assert()
        .success()
        .stdout(contains(
            "Dòng 2: 03142, 2021, crop_output, Thực hiện: – → 2.809,8",
        ))
        .stdout(contains(
            "Dòng 3: 03142, 2021, budget_revenue, Kế hoạch: – → 16.909.601.491",
        ));
}

#[test]
fn a_backup_is_a_whole_copy_and_never_overwrites() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("ward.db");
    let out = ward_kpi()
        .args(["--db", db.to_str().unwrap(), "backup"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let copy = scratch.path("backups");
    let mut copies: Vec<_> = std::fs::read_dir(&copy)
        .unwrap()
        .flatten()
        .map(|f| f.file_name().to_string_lossy().into_owned())
        .collect();
    copies.sort();
    // The one asked for, and the day's own, made on the day's first start.
    assert_eq!(copies.len(), 2, "{copies:?}");
    assert!(copies[0].ends_with("-daily.db"), "{copies:?}");
    assert!(copies[1].ends_with("-manual.db"), "{copies:?}");
    let copy = scratch.path("backups").join(&copies[1]);
    assert!(stdout.contains(&copy.display().to_string()), "{stdout}");
    assert_eq!(
        common::report_text(&copy, "2021"),
        common::report_text(&db, "2021")
    );
    // Listed: its file, its reason, its figures.
    let name = copy.file_name().unwrap().to_string_lossy().into_owned();
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "backups"])
        .assert()
        .success()
        .stdout(
            contains(name.as_str())
                .and(contains("sao lưu tay"))
                .and(contains("hằng ngày")),
        );
    // -o names a new file; an existing one is refused by name and left as it was.
    let taken = scratch.path("taken.db");
    std::fs::write(&taken, b"mine").unwrap();
    ward_kpi()
        .args(["--db", db.to_str().unwrap(), "backup", "-o"])
        .arg(&taken)
        .assert()
        .failure()
        .stderr(predicates::str::contains("taken.db"));
    assert_eq!(std::fs::read(&taken).unwrap(), b"mine");
}

#[test]
fn a_share_beyond_100_percent_is_refused_naming_the_value_and_the_bound() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("share.db");
    let before = state(&db);
    let set = |value: &str| {
        ward_kpi()
            .args(["--db", db.to_str().unwrap(), "set", "--year", "2021"])
            .args(["--indicator", "trained_labour_share", "--actual", value])
            .assert()
    };
    // 733,7 typed for 73,37.
    set("733,7")
        .failure()
        .stderr(contains("733,7%"))
        .stderr(contains("tối đa 100%"))
        .stderr(contains("Tỷ lệ lao động qua đào tạo"));
    assert_eq!(state(&db), before, "nothing written");
    // A plan of 733,7% is as wrong.
    ward_kpi()
        .args([
            "--db",
            db.to_str().unwrap(),
            "--lang",
            "en",
            "set",
            "--year",
            "2021",
        ])
        .args(["--indicator", "trained_labour_share", "--plan", "733.7"])
        .assert()
        .failure()
        .stderr(contains(
            "plan 733.7% is above the maximum 100% of “Trained-labour share”",
        ));
    set("73,37").success().stderr(contains("cần xem lại").not());
}

#[test]
fn a_separator_slip_in_crop_output_is_written_with_a_warning_or_refused_when_strict() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("slip.db");
    let before = state(&db);
    let set = |strict: bool| {
        let mut cmd = ward_kpi();
        cmd.args(["--db", db.to_str().unwrap(), "set", "--year", "2022"])
            .args(["--indicator", "crop_output", "--actual", "2,809"]);
        if strict {
            cmd.arg("--strict");
        }
        cmd.assert()
    };
    // 2.809,8 tấn in 2021, 2,809 typed for 2022.
    set(true)
        .failure()
        .stderr(contains("--strict"))
        .stderr(contains(
            "--actual 2,809 tấn: giảm 99,9% so với năm trước (2.809,8 tấn); ngưỡng ±50%",
        ));
    assert_eq!(state(&db), before, "nothing written");
    set(false)
        .success()
        .stderr(contains("cần xem lại: --actual 2,809 tấn: giảm 99,9%"));
    let report = report_json(&db, "2022");
    assert_eq!(row(&report, "crop_output")["value"], 2.809);
}

#[test]
fn the_stored_2809_8_retyped_as_2_809_in_its_own_year_is_flagged_as_a_slip() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("slip.db");
    let before = state(&db);
    // 2021 has no year before it: the value it replaces is the measure.
    ward_kpi()
        .args([
            "--db",
            db.to_str().unwrap(),
            "set",
            "--year",
            "2021",
            "--strict",
        ])
        .args(["--indicator", "crop_output", "--actual", "2,809"])
        .assert()
        .failure()
        .stderr(contains(
            "--actual 2,809 tấn: khác 99,9% so với số đã lưu (2.809,8 tấn); ngưỡng ±50%",
        ));
    assert_eq!(state(&db), before, "nothing written");
    // A real correction, within the threshold, is not doubted.
    ward_kpi()
        .args([
            "--db",
            db.to_str().unwrap(),
            "set",
            "--year",
            "2021",
            "--strict",
        ])
        .args(["--indicator", "crop_output", "--actual", "2.812,4"])
        .assert()
        .success()
        .stderr(contains("cần xem lại").not());
}

#[test]
fn indicators_list_their_checks_and_the_catalogue_carries_them_to_another_database() {
    let scratch = Scratch::new();
    let source = scratch.demo_db("source.db");
    ward_kpi()
        .args(["--db", source.to_str().unwrap(), "indicators"])
        .assert()
        .success()
        .stdout(contains(
            "0 – 100 · ±10 điểm % so với năm trước · ≤ 3 lần KH · ước/TH ±20%",
        ));
    // A ward's own rule: the crop output may change by ±30% only, and has no plan check.
    let store = ward_kpi::store::Store::open(&source).unwrap();
    let (_, mut crop) = store.indicator("crop_output").unwrap();
    crop.rules.max_change = Some(30.into());
    crop.rules.max_times_plan = None;
    store.update_indicator(&crop).unwrap();
    drop(store);

    let file = scratch.path("danh-muc.json");
    let catalogue = ward_kpi::store::seed::catalogue::standard().len();
    ward_kpi()
        .args([
            "--db",
            source.to_str().unwrap(),
            "indicators",
            "export",
            "-o",
        ])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains(format!("{catalogue} chỉ tiêu")));
    let target = scratch.path("target.db");
    ward_kpi()
        .args(["--db", target.to_str().unwrap(), "init"])
        .assert()
        .success();
    ward_kpi()
        .args(["--db", target.to_str().unwrap(), "indicators", "import"])
        .arg(&file)
        .arg("--dry-run")
        .assert()
        .success()
        .stdout(contains(format!(
            "cập nhật 1, giữ nguyên {}",
            catalogue - 1
        )));
    ward_kpi()
        .args(["--db", target.to_str().unwrap(), "indicators", "import"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains(format!(
            "thêm 0, cập nhật 1, giữ nguyên {}",
            catalogue - 1
        )));
    let read = |db: &Path| {
        let store = ward_kpi::store::Store::open(db).unwrap();
        store
            .indicators()
            .unwrap()
            .into_iter()
            .map(|(_, i)| i)
            .collect::<Vec<_>>()
    };
    assert_eq!(read(&target), read(&source));
    let (_, crop) = ward_kpi::store::Store::open(&target)
        .unwrap()
        .indicator("crop_output")
        .unwrap();
    assert_eq!(crop.rules.max_change, Some(30.into()));
    assert_eq!(crop.rules.max_times_plan, None);
}

#[test]
fn output_to_a_reader_that_has_gone_ends_quietly() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("pipe.db");
    // The reader closes its end before the command writes (`ward-kpi report | head -0`).
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ward-kpi"))
        .env_remove("WARD_KPI_DB")
        .arg("--db")
        .arg(&db)
        .args(["report", "--year", "2021"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}
