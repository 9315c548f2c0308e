//! A province gathers its wards' files (`ward-kpi gather`) through the real binary, checked in
//! the store: a folder of ward databases in one transaction, a dry run that writes nothing, the
//! same file twice changing nothing, a newer file replacing the older one's values, a foreign or
//! merged-away ward and a locked year refusing everything, and every source file left exactly
//! as it was (SHA-256 and time of change), an older schema read too.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable as _;
use predicates::str::contains;
use rust_decimal::Decimal;
use sha2::{Digest as _, Sha256};
use ward_kpi::domain::{AdminUnit, Level, PlanSource, PlanTarget, Stage};
use ward_kpi::store::{Batch, FigureWrite, Origin, PlanWrite, Store};

use common::{Scratch, ward_kpi};

/// The test wards of the province (code 11 of the seed): code and name.
const WARDS: [(&str, &str); 4] = [
    ("T0001", "Phường Một"),
    ("T0002", "Phường Hai"),
    ("T0003", "Phường Ba"),
    ("T0004", "Phường Bốn"),
];

fn ward(code: &str, name: &str, parent: &str) -> AdminUnit {
    AdminUnit {
        code: code.into(),
        name: name.into(),
        level: Level::Ward,
        parent_code: Some(parent.into()),
        valid_from: None,
        valid_to: None,
        successor_code: None,
        synthetic: false,
    }
}

/// The province's database: the seed (Thanh Trường the only ward of its city) and the four
/// test wards under Tỉnh Điện Biên.
fn province_db(scratch: &Scratch) -> PathBuf {
    let path = scratch.path("tinh.db");
    drop(ward_kpi::store::seed::create(&path).unwrap());
    common::keep_one_reference_ward(&path);
    let store = Store::open(&path).unwrap();
    for (code, name) in WARDS {
        store.add_unit(&ward(code, name, "11")).unwrap();
    }
    path
}

/// A ward's own database: the seed, the ward (under `parent`), and for each year a plan and an
/// actual value of crop output, an actual of budget revenue and of party cells (`shift` moves
/// every value), without party cells when `drop_cells`.
fn ward_db(path: &Path, (code, name, parent): (&str, &str, &str), years: &[i16], shift: i64) {
    ward_db_with(path, (code, name, parent), years, shift, false);
}

fn ward_db_with(
    path: &Path,
    (code, name, parent): (&str, &str, &str),
    years: &[i16],
    shift: i64,
    drop_cells: bool,
) {
    let mut store = ward_kpi::store::seed::create(path).unwrap();
    let unit = store.add_unit(&ward(code, name, parent)).unwrap();
    let id = |code: &str| store.indicator(code).unwrap().0;
    let (crop, budget, cells) = (id("crop_output"), id("budget_revenue"), id("party_cells"));
    let mut batch = Batch::default();
    for &year in years {
        let value = |base: i64| Decimal::from(base + shift + i64::from(year - 2020));
        batch.plans.push(PlanWrite {
            unit,
            indicator: crop,
            year,
            source: PlanSource::Province,
            target: Some(PlanTarget::Value(value(2400))),
            text: String::new(),
            derived: false,
            note: String::new(),
        });
        let mut figures = vec![(crop, value(2800)), (budget, value(17_000_000_000))];
        if !drop_cells {
            figures.push((cells, value(18)));
        }
        for (indicator, value) in figures {
            batch.figures.push(FigureWrite {
                unit,
                indicator,
                year,
                stage: Stage::Actual,
                value: Some((value, value.to_string())),
                note: "phường gửi".into(),
            });
        }
    }
    store.apply(&batch, Origin::Cli).unwrap();
}

/// A folder of ward databases: wards 1–3 of the province, 2023 and 2024.
fn ward_folder(scratch: &Scratch) -> PathBuf {
    let folder = scratch.path("bao-cao");
    std::fs::create_dir(&folder).unwrap();
    for (code, name) in &WARDS[..3] {
        let file = folder.join(format!("{code}.db"));
        ward_db(&file, (code, name, "11"), &[2023, 2024], 0);
    }
    folder
}

/// The SHA-256 of a file, its time of change, and whether SQLite's companions exist beside it.
fn fingerprint(path: &Path) -> (String, std::time::SystemTime, bool, bool) {
    let bytes = std::fs::read(path).unwrap();
    let sha: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let beside = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        Path::new(&name).exists()
    };
    (
        sha,
        std::fs::metadata(path).unwrap().modified().unwrap(),
        beside("-wal"),
        beside("-shm"),
    )
}

fn gather(db: &Path, args: &[&Path]) -> assert_cmd::Command {
    let mut cmd = ward_kpi();
    cmd.arg("--db").arg(db).arg("gather").args(args);
    cmd
}

/// The actual value of an indicator of a ward-year, as stored.
fn actual(db: &Path, code: &str, year: i16, indicator: &str) -> Option<Decimal> {
    let store = Store::open(db).unwrap();
    let (unit, _) = store.unit_for(code, year).unwrap();
    let (id, _) = store.indicator(indicator).unwrap();
    store
        .figures_of(unit, year)
        .unwrap()
        .get(&id)
        .and_then(|f| f.iter().find(|f| f.stage == Stage::Actual))
        .map(|f| f.value)
}

/// Every figure and submission of the database: what a refused or repeated gathering must not
/// change.
fn counts(db: &Path) -> (usize, usize) {
    let store = Store::open(db).unwrap();
    let mut figures = 0;
    for (code, _) in WARDS {
        let (unit, _) = store.unit_for(code, 2024).unwrap();
        for year in [2023, 2024] {
            figures += store
                .figures_of(unit, year)
                .unwrap()
                .values()
                .map(Vec::len)
                .sum::<usize>();
        }
    }
    (figures, store.submissions(None).unwrap().len())
}

#[test]
fn a_folder_of_ward_databases_is_gathered_at_once_the_files_untouched() {
    let scratch = Scratch::new();
    let db = province_db(&scratch);
    let folder = ward_folder(&scratch);
    let files: Vec<PathBuf> = WARDS[..3]
        .iter()
        .map(|(code, _)| folder.join(format!("{code}.db")))
        .collect();
    let before: Vec<_> = files.iter().map(|f| fingerprint(f)).collect();

    // A dry run shows each ward-year and writes nothing.
    gather(&db, &[&folder])
        .arg("--dry-run")
        .assert()
        .success()
        .stdout(contains(
            "T0002.db: Phường Hai (T0002), năm 2024: mới, 4 thay đổi",
        ))
        .stdout(contains("Chạy thử: sẽ nhận 6 phường-năm, ghi 24 thay đổi"));
    assert_eq!(counts(&db), (0, 0));

    gather(&db, &[&folder])
        .assert()
        .success()
        .stdout(contains("Đã nhận 6 phường-năm: 24 thay đổi"));
    assert_eq!(counts(&db), (18, 6));
    assert_eq!(
        actual(&db, "T0003", 2024, "crop_output"),
        Some(Decimal::from(2804))
    );
    let store = Store::open(&db).unwrap();
    let submissions = store.submissions(Some(2024)).unwrap();
    assert_eq!(submissions.len(), 3);
    assert!(
        submissions
            .iter()
            .all(|s| s.values == 4 && s.set_id.is_some())
    );
    assert_eq!(submissions[0].sha256, fingerprint(&files[0]).0);
    assert_eq!(submissions[0].received_by, "tester");
    drop(store);

    // The list: who reported, who did not.
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["submissions", "--year", "2024"])
        .assert()
        .success()
        .stdout(contains("T0001.db"))
        // Phường Thanh Trường (of the seed) reported to the province through its city in 2024.
        .stdout(contains(
            "Đã nhận 3/5 phường; chưa nộp: Phường Thanh Trường, Phường Bốn",
        ));
    let out = ward_kpi()
        .arg("--db")
        .arg(&db)
        .args([
            "--lang",
            "en",
            "submissions",
            "--year",
            "2024",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["expected"], 5);
    assert_eq!(json["received"], 3);
    assert_eq!(json["missing"], serde_json::json!(["03142", "T0004"]));
    assert_eq!(json["wards"][1]["ward_code"], "T0001");
    assert_eq!(json["wards"][1]["values_written"], 4);

    // The same files again change nothing, and say so.
    gather(&db, &[&folder])
        .assert()
        .success()
        .stdout(contains("đã nhận tệp này"))
        .stdout(contains("Không có gì mới"));
    assert_eq!(counts(&db), (18, 6));

    // Every source file as it was: same bytes, same time of change, no companion made.
    let after: Vec<_> = files.iter().map(|f| fingerprint(f)).collect();
    assert_eq!(before, after);
    assert!(after.iter().all(|(_, _, wal, shm)| !wal && !shm));
}

#[test]
fn a_newer_file_of_a_ward_year_replaces_the_older_values_history_kept() {
    let scratch = Scratch::new();
    let db = province_db(&scratch);
    let first = scratch.path("mot-v1.db");
    ward_db(&first, ("T0001", "Phường Một", "11"), &[2024], 0);
    gather(&db, &[&first]).assert().success();
    assert_eq!(
        actual(&db, "T0001", 2024, "party_cells"),
        Some(Decimal::from(22))
    );

    // The ward corrects its figures and no longer reports party cells.
    let second = scratch.path("mot-v2.db");
    ward_db_with(&second, ("T0001", "Phường Một", "11"), &[2024], 100, true);
    gather(&db, &[&second])
        .assert()
        .success()
        .stdout(contains("thay bản mot-v1.db"))
        .stdout(contains(
            "1 giá trị bản trước có mà bản này không có sẽ bị xóa",
        ));
    assert_eq!(
        actual(&db, "T0001", 2024, "crop_output"),
        Some(Decimal::from(2904))
    );
    assert_eq!(actual(&db, "T0001", 2024, "party_cells"), None);
    let store = Store::open(&db).unwrap();
    let (unit, _) = store.unit_for("T0001", 2024).unwrap();
    let latest = store.latest_submission(unit, 2024).unwrap().unwrap();
    assert_eq!(latest.file_name, "mot-v2.db");
    assert_eq!(store.submissions(Some(2024)).unwrap().len(), 2);
    drop(store);
    // The older value is in the history, with the file it came from.
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args([
            "history",
            "--ward",
            "T0001",
            "--year",
            "2024",
            "--indicator",
            "crop_output",
        ])
        .assert()
        .success()
        .stdout(contains("2.804"))
        .stdout(contains("2.904"));
}

#[test]
fn a_foreign_or_merged_ward_is_refused_by_name_and_nothing_is_written() {
    let scratch = Scratch::new();
    let db = province_db(&scratch);
    let folder = ward_folder(&scratch);
    let foreign = folder.join("ngoai.db");
    ward_db(&foreign, ("X9999", "Phường Ngoài Tỉnh", "99"), &[2024], 0);
    gather(&db, &[&folder])
        .assert()
        .failure()
        .stderr(contains(
            "ngoai.db: Phường Ngoài Tỉnh (mã X9999) không có trong danh sách đơn vị của Tỉnh Điện Biên năm 2024",
        ))
        .stderr(contains("không nhận gì: 1 lỗi"));
    assert_eq!(counts(&db), (0, 0));
    std::fs::remove_file(&foreign).unwrap();

    // Phường Thanh Trường merged into Phường Điện Biên Phủ on 1/7/2025: its 2026 is refused.
    let merged = folder.join("thanh-truong.db");
    ward_db(&merged, ("03142", "Phường Thanh Trường", "094"), &[2026], 0);
    gather(&db, &[&folder])
        .arg("--dry-run")
        .assert()
        .failure()
        .stderr(contains(
            "Phường Thanh Trường (mã 03142) đã sáp nhập vào Phường Điện Biên Phủ (mã 03127) từ 01/07/2025",
        ));
    assert_eq!(counts(&db), (0, 0));
}

#[test]
fn a_locked_year_refuses_the_whole_gathering() {
    let scratch = Scratch::new();
    let db = province_db(&scratch);
    let folder = ward_folder(&scratch);
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args([
            "lock",
            "--year",
            "2024",
            "--ward",
            "all",
            "--reason",
            "đã tổng kết năm",
        ])
        .assert()
        .success();
    gather(&db, &[&folder])
        .assert()
        .failure()
        .stderr(contains("Phường Hai (T0002), năm 2024"))
        .stderr(contains("không nhận gì"));
    assert_eq!(counts(&db), (0, 0));
}

#[test]
fn an_older_schema_is_read_its_unknown_codes_listed_the_file_unchanged() {
    let scratch = Scratch::new();
    let db = province_db(&scratch);
    // A ward database of schema version 1: the first tables only, no later column.
    let old = scratch.path("cu.db");
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA application_id = {};
             PRAGMA user_version = 1;
             CREATE TABLE admin_unit (id INTEGER PRIMARY KEY, code TEXT NOT NULL,
                 name TEXT NOT NULL, level TEXT NOT NULL, parent_code TEXT, valid_from TEXT,
                 valid_to TEXT, successor_code TEXT, synthetic INTEGER NOT NULL DEFAULT 0);
             CREATE TABLE indicator (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE,
                 name_vi TEXT NOT NULL, name_en TEXT NOT NULL, category TEXT NOT NULL,
                 unit TEXT NOT NULL, direction TEXT NOT NULL, kind TEXT NOT NULL,
                 precision INTEGER NOT NULL, archived INTEGER NOT NULL DEFAULT 0,
                 sort_order INTEGER NOT NULL DEFAULT 0, synthetic INTEGER NOT NULL DEFAULT 0);
             CREATE TABLE change_set (id INTEGER PRIMARY KEY, at TEXT NOT NULL,
                 who TEXT NOT NULL, origin TEXT NOT NULL);
             CREATE TABLE plan (unit_id INTEGER NOT NULL, year INTEGER NOT NULL,
                 indicator_id INTEGER NOT NULL, source INTEGER NOT NULL, low TEXT NOT NULL,
                 high TEXT NOT NULL, text TEXT NOT NULL, original_low TEXT, original_high TEXT,
                 derived INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '',
                 set_id INTEGER NOT NULL, PRIMARY KEY (unit_id, year, indicator_id, source));
             CREATE TABLE figure (unit_id INTEGER NOT NULL, year INTEGER NOT NULL,
                 indicator_id INTEGER NOT NULL, stage INTEGER NOT NULL, value TEXT NOT NULL,
                 text TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', set_id INTEGER NOT NULL,
                 PRIMARY KEY (unit_id, year, indicator_id, stage));
             INSERT INTO admin_unit (id, code, name, level, parent_code)
                 VALUES (1, 'T0004', 'Phường Bốn', 'ward', '11');
             INSERT INTO indicator (id, code, name_vi, name_en, category, unit, direction,
                 kind, precision) VALUES
                 (1, 'crop_output', 'Sản lượng', 'Crop output', 'economy', 'tấn', 'higher',
                  'flow', 1),
                 (2, 'old_tally', 'Chỉ tiêu cũ', 'Old tally', 'social', 'người', 'higher',
                  'flow', 0);
             INSERT INTO change_set VALUES (1, '2024-12-20T08:00:00Z', 'phuong', 'window');
             INSERT INTO plan VALUES (1, 2024, 1, 2, '2500', '2500', '2.500', NULL, NULL, 0,
                 '', 1);
             INSERT INTO figure VALUES (1, 2024, 1, 2, '2809.8', '2.809,8', '', 1),
                                       (1, 2024, 2, 2, '12', '12', '', 1);",
            ward_kpi::store::APPLICATION_ID
        ))
        .unwrap();
    }
    let before = fingerprint(&old);
    gather(&db, &[&old])
        .assert()
        .success()
        .stderr(contains(
            "cu.db: 1 giá trị của chỉ tiêu “old_tally” không có trong danh mục",
        ))
        .stdout(contains("Phường Bốn (T0004), năm 2024: mới, 2 thay đổi"));
    assert_eq!(
        actual(&db, "T0004", 2024, "crop_output"),
        Some("2809.8".parse().unwrap())
    );
    let after = fingerprint(&old);
    assert_eq!(before, after);
    assert!(!after.2 && !after.3, "no -wal or -shm made beside the file");
}

#[test]
fn the_parent_is_asked_for_when_the_database_has_several_provinces() {
    let scratch = Scratch::new();
    let db = province_db(&scratch);
    let store = Store::open(&db).unwrap();
    store
        .add_unit(&AdminUnit {
            level: Level::Province,
            parent_code: None,
            ..ward("12", "Tỉnh Khác", "")
        })
        .unwrap();
    drop(store);
    let folder = ward_folder(&scratch);
    gather(&db, &[&folder])
        .assert()
        .failure()
        .stderr(contains("11 Tỉnh Điện Biên, 12 Tỉnh Khác"));
    gather(&db, &[&folder])
        .args(["--parent", "11", "--dry-run"])
        .assert()
        .success();
}

/// Steps the window until its background job is over (a step, not `run`: a job repaints).
fn wait_for_job(harness: &mut egui_kittest::Harness<'static, ward_kpi::app::WardKpiApp>) {
    for _ in 0..500 {
        harness.step();
        if harness.state().job.is_none() {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the job did not finish");
}

#[test]
fn the_window_lists_the_submissions_then_gathers_a_folder() {
    use ward_kpi::app::views::View;
    use ward_kpi::domain::Lang;
    let scratch = Scratch::new();
    let db = scratch.demo_db("tinh.db");
    common::keep_one_reference_ward(&db);
    let store = Store::open(&db).unwrap();
    for (code, name) in WARDS {
        store.add_unit(&ward(code, name, "11")).unwrap();
    }
    drop(store);
    let folder = scratch.path("bao-cao");
    std::fs::create_dir(&folder).unwrap();
    for (code, name) in &WARDS[..2] {
        ward_db(
            &folder.join(format!("{code}.db")),
            (code, name, "11"),
            &[2021],
            0,
        );
    }
    let mut harness = common::window::open(&db, View::Entry, Lang::Vi);
    harness.get_by_label("Nhận báo cáo phường…").click();
    harness.run();
    // Phường Thanh Trường (the demo ward) and the four test wards reported to the province.
    harness.get_by_label("Đã nhận 0/5 phường");
    harness.get_by_label(
        "chưa nộp: Phường Thanh Trường, Phường Một, Phường Hai, Phường Ba, Phường Bốn",
    );

    harness.get_by_label("hoặc đường dẫn:");
    harness
        .state_mut()
        .push_command(ward_kpi::app::command::Command::GatherPreview(vec![folder]));
    wait_for_job(&mut harness);
    harness.get_by_label("Xem trước: 2 tệp, 2 phường-năm, 8 thay đổi, 0 giá trị không đổi");
    harness.get_by_label("T0002.db: Phường Hai (T0002), năm 2021: mới, 4 thay đổi");
    harness
        .get_by_label("Ghi 2 phường-năm (8 thay đổi)")
        .click();
    wait_for_job(&mut harness);
    harness.get_by_label("Đã nhận 2/5 phường");
    assert_eq!(
        harness.state().notice.as_ref().map(|n| n.text.as_str()),
        Some("Đã nhận 2 phường-năm: 8 thay đổi")
    );
    assert_eq!(
        actual(&db, "T0001", 2021, "crop_output"),
        Some(Decimal::from(2801))
    );
}

#[test]
fn a_new_file_with_the_same_values_is_recorded_without_a_save() {
    let scratch = Scratch::new();
    let db = province_db(&scratch);
    let first = scratch.path("ba-v1.db");
    ward_db(&first, ("T0003", "Phường Ba", "11"), &[2024], 0);
    gather(&db, &[&first]).assert().success();
    // Made again: other bytes (another file, other times of saving), the same values.
    let second = scratch.path("ba-v2.db");
    ward_db(&second, ("T0003", "Phường Ba", "11"), &[2024], 0);
    assert_ne!(fingerprint(&first).0, fingerprint(&second).0);
    gather(&db, &[&second])
        .assert()
        .success()
        .stdout(contains("thay bản ba-v1.db"))
        .stdout(contains(
            "Đã nhận 1 phường-năm: 0 thay đổi (4 giá trị không đổi)",
        ));
    let store = Store::open(&db).unwrap();
    let submissions = store.submissions(Some(2024)).unwrap();
    assert_eq!(submissions.len(), 2);
    assert_eq!((submissions[1].values, submissions[1].set_id), (0, None));
    assert!(submissions[0].set_id.is_some());
}

#[test]
fn values_a_rule_doubts_are_written_only_when_agreed_to() {
    let scratch = Scratch::new();
    let db = province_db(&scratch);
    let folder = ward_folder(&scratch);
    gather(&db, &[&folder]).assert().success();
    // Ward 1 sends its 2024 again, every value ten thousand higher: crop output 2.804 becomes
    // 12.804 tấn, far more than a correction.
    let later = scratch.path("sau");
    std::fs::create_dir(&later).unwrap();
    let (code, name) = WARDS[0];
    ward_db(&later.join("lai.db"), (code, name, "11"), &[2024], 10_000);
    let before = counts(&db);
    gather(&db, &[&later])
        .assert()
        .failure()
        .stderr(contains("cần xem lại"))
        .stderr(contains("--yes"));
    gather(&db, &[&later])
        .arg("--strict")
        .assert()
        .failure()
        .stderr(contains("--strict"));
    assert_eq!(counts(&db), before, "nothing written unasked");
    assert_eq!(
        actual(&db, code, 2024, "crop_output"),
        Some(Decimal::from(2804))
    );
    gather(&db, &[&later]).arg("--yes").assert().success();
    assert_eq!(
        actual(&db, code, 2024, "crop_output"),
        Some(Decimal::from(12_804))
    );
}

#[test]
fn a_table_that_names_no_ward_is_refused_never_taken_for_the_home_ward() {
    let scratch = Scratch::new();
    let db = province_db(&scratch);
    Store::open(&db).unwrap().set_home_ward("03142").unwrap();
    let table = scratch.path("so-lieu.csv");
    std::fs::write(
        &table,
        "year,indicator,plan,actual,note\n2024,crop_output,2500,2900,\n",
    )
    .unwrap();
    let before = counts(&db);
    gather(&db, &[&table])
        .assert()
        .failure()
        .stderr(contains("so-lieu.csv"))
        .stderr(contains("không biết phường nào"));
    assert_eq!(counts(&db), before);
    // A ward column names the ward: gathered.
    std::fs::write(
        &table,
        "ward_code,year,indicator,plan,actual,note\n03142,2024,crop_output,2500,2900,\n",
    )
    .unwrap();
    gather(&db, &[&table]).assert().success();
    assert_eq!(
        actual(&db, "03142", 2024, "crop_output"),
        Some(Decimal::from(2900))
    );
}
