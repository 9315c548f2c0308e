//! Locks (chốt số liệu), backups, restore and the change history through each face: the command
//! line, an import and the window. A locked value is refused everywhere and the refusal names
//! the lock; a restore brings a copy back whole and keeps the file as it was; every change says
//! who, when and from where.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use calamine::Reader as _;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use predicates::prelude::PredicateBooleanExt as _;
use predicates::str::contains;

use ward_kpi::app::WardKpiApp;
use ward_kpi::app::views::View;
use ward_kpi::domain::{Lang, LockPart, Stage};
use ward_kpi::store::{Origin, Store};

use common::{Scratch, ward_kpi};

fn run(db: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    ward_kpi().arg("--db").arg(db).args(args).assert()
}

/// The copies in the backups folder beside `db`, by name.
fn backups(db: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(db.parent().unwrap().join("backups"))
        .map(|entries| {
            entries
                .flatten()
                .map(|f| f.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_locked_stage_is_refused_on_the_command_line_until_unlocked_with_a_reason() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("ward.db");
    run(
        &db,
        &[
            "lock",
            "--year",
            "2021",
            "--stage",
            "estimate",
            "--reason",
            "đã gửi báo cáo ước",
        ],
    )
    .success()
    .stdout(contains(
        "Đã chốt số liệu: Phường Thanh Trường, 2021, ước đạt",
    ));
    assert!(
        backups(&db).iter().any(|n| n.ends_with("-before-lock.db")),
        "{:?}",
        backups(&db)
    );

    // The estimate is refused, naming the lock, its day and its reason; nothing is written.
    let before = common::report_text(&db, "2021");
    run(
        &db,
        &[
            "set",
            "--year",
            "2021",
            "--indicator",
            "budget_revenue",
            "--estimate",
            "17,5 tỷ",
        ],
    )
    .failure()
    .stderr(
        contains("số liệu đã chốt (Phường Thanh Trường, 2021, ước đạt)")
            .and(contains("đã gửi báo cáo ước"))
            .and(contains("tester")),
    );
    assert_eq!(common::report_text(&db, "2021"), before);
    // The value as stored is no change, and passes; another stage is not locked.
    run(
        &db,
        &[
            "set",
            "--year",
            "2021",
            "--indicator",
            "budget_revenue",
            "--estimate",
            "17.416.889.536",
        ],
    )
    .success();
    run(
        &db,
        &[
            "set",
            "--year",
            "2021",
            "--indicator",
            "crop_output",
            "--final",
            "2.810,5",
        ],
    )
    .success();
    // A second lock over it is refused; an unlock needs a reason.
    run(&db, &["lock", "--year", "2021", "--reason", "tổng kết"]).success();
    run(
        &db,
        &[
            "lock", "--year", "2021", "--stage", "actual", "--reason", "x",
        ],
    )
    .failure()
    .stderr(contains("đã chốt rồi"));
    // The actual alone is not locked: the whole year's lock holds it, which the refusal names,
    // in the user's language.
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args([
            "--lang", "en", "unlock", "--year", "2021", "--stage", "actual",
        ])
        .args(["--reason", "fix"])
        .assert()
        .failure()
        .stderr(contains(
            "it is held by the lock on Phường Thanh Trường, 2021, the whole year: unlock that",
        ));
    run(&db, &["unlock", "--year", "2021", "--reason", " "])
        .failure()
        .stderr(contains("cần lý do"));
    run(
        &db,
        &[
            "unlock",
            "--year",
            "2021",
            "--reason",
            "sửa số ước tháng 12",
        ],
    )
    .success()
    .stdout(contains("Đã mở khóa").count(2));
    run(
        &db,
        &[
            "set",
            "--year",
            "2021",
            "--indicator",
            "budget_revenue",
            "--estimate",
            "17,5 tỷ",
        ],
    )
    .success();
    // Every lock and unlock is listed: who, what, why, and whether it holds now.
    run(&db, &["locks", "--year", "2021"]).success().stdout(
        contains("đã gửi báo cáo ước")
            .and(contains("sửa số ước tháng 12"))
            .and(contains("mở khóa"))
            .and(contains("Phường Thanh Trường, 2021, cả năm"))
            .and(contains("đang chốt").not()),
    );
    run(&db, &["unlock", "--year", "2021", "--reason", "lần nữa"])
        .failure()
        .stderr(contains("không có gì để mở khóa"));
    let names = backups(&db);
    assert!(
        names.iter().any(|n| n.ends_with("-before-unlock.db")),
        "{names:?}"
    );
}

#[test]
fn an_import_into_a_locked_year_lists_the_locked_values_and_writes_nothing() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("ward.db");
    run(
        &db,
        &[
            "lock",
            "--year",
            "2021",
            "--ward",
            "all",
            "--stage",
            "plan",
            "--reason",
            "kế hoạch đã giao",
        ],
    )
    .success()
    .stdout(contains("mọi đơn vị, 2021, kế hoạch"));
    let table = scratch.path("bieu-2021.csv");
    std::fs::write(
        &table,
        "STT;Chỉ tiêu;ĐVT;Kế hoạch;Thực hiện\n\
         1;Sản lượng cây trồng;tấn;2.500;2.809,8\n\
         2;Thu ngân sách;đồng;17.000.000.000;\n",
    )
    .unwrap();
    let before = common::report_text(&db, "2021");
    run(&db, &["import", "--year", "2021", "--ward", "03142"]).failure();
    let out = ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["import", "--year", "2021", "--ward", "03142"])
        .arg(&table)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert_eq!(
        stderr
            .matches("số liệu đã chốt (mọi đơn vị, 2021, kế hoạch)")
            .count(),
        2,
        "{stderr}"
    );
    assert!(stderr.contains("không nhập gì"), "{stderr}");
    assert_eq!(common::report_text(&db, "2021"), before);
    // Nothing written, so no copy was made for the import either.
    assert!(
        !backups(&db)
            .iter()
            .any(|n| n.ends_with("-before-import.db")),
        "{:?}",
        backups(&db)
    );
}

#[test]
fn exports_of_a_locked_year_say_when_it_was_locked() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("ward.db");
    run(&db, &["lock", "--year", "2021", "--reason", "đã tổng kết"]).success();
    let day = jiff::Zoned::now().strftime("%d/%m/%Y").to_string();
    let txt = scratch.path("cau.txt");
    common::export(&db, "2021", "txt", &txt).success();
    let text = std::fs::read_to_string(&txt).unwrap();
    assert!(
        text.contains(&format!("(Số liệu đã chốt ngày {day})")),
        "{text}"
    );
    let pdf = scratch.path("bao-cao.pdf");
    common::export(&db, "2021", "pdf", &pdf).success();
    let pdf_text = pdf_extract::extract_text(&pdf).unwrap();
    assert!(
        pdf_text.contains(&format!("Số liệu đã chốt ngày {day}")),
        "{pdf_text}"
    );
    let xlsx = scratch.path("bao-cao.xlsx");
    common::export(&db, "2021", "xlsx", &xlsx).success();
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let first = workbook.sheet_names()[0].clone();
    let sheet = workbook.worksheet_range(&first).unwrap();
    let said = sheet.rows().flatten().any(|cell| {
        cell.to_string()
            .contains(&format!("Số liệu đã chốt ngày {day}"))
    });
    assert!(
        said,
        "the report sheet of {} says nothing of the lock",
        xlsx.display()
    );
    // An unlocked year says nothing of it.
    run(&db, &["unlock", "--year", "2021", "--reason", "sửa"]).success();
    common::export(&db, "2021", "txt", &scratch.path("lai.txt")).success();
    let text = std::fs::read_to_string(scratch.path("lai.txt")).unwrap();
    assert!(!text.contains("đã chốt"), "{text}");
}

#[test]
fn a_restore_brings_a_copy_back_keeps_the_file_as_it_was_and_refuses_what_is_not_a_copy() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("ward.db");
    let copy = scratch.path("copy.db");
    run(&db, &["backup", "-o", copy.to_str().unwrap()]).success();
    let original = common::report_text(&db, "2021");
    run(
        &db,
        &[
            "set",
            "--year",
            "2021",
            "--indicator",
            "crop_output",
            "--final",
            "2.900",
        ],
    )
    .success();
    let changed = common::report_text(&db, "2021");
    assert_ne!(changed, original);

    // Not a ward-kpi database: refused by name, nothing changed, nothing kept.
    let foreign = scratch.path("notes.db");
    std::fs::write(&foreign, "ghi chú").unwrap();
    let kept_before = backups(&db).len();
    run(&db, &["restore", foreign.to_str().unwrap()])
        .failure()
        .stderr(contains("notes.db"));
    assert_eq!(common::report_text(&db, "2021"), changed);
    assert_eq!(backups(&db).len(), kept_before);

    run(&db, &["restore", copy.to_str().unwrap()])
        .success()
        .stdout(contains("Đã khôi phục từ").and(contains("before-restore")));
    assert_eq!(common::report_text(&db, "2021"), original);
    let kept = backups(&db)
        .into_iter()
        .find(|n| n.ends_with("-before-restore.db"))
        .unwrap();
    let kept = db.parent().unwrap().join("backups").join(kept);
    assert_eq!(common::report_text(&kept, "2021"), changed);
    let store = Store::open(&db).unwrap();
    store.check_integrity().unwrap();
    assert_eq!(store.restores().unwrap().len(), 1);
}

/// The window on the demo database, showing Phường Thanh Trường's 2021 in the entry view.
fn window(db: &Path) -> Harness<'static, WardKpiApp> {
    window_on(db, View::Entry)
}

/// Whether the grid's cell of this label takes no typing.
fn disabled(harness: &Harness<'_, WardKpiApp>, label: &str) -> bool {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .accesskit_node()
        .is_disabled()
}

const REVENUE: &str = "Thu ngân sách";

#[test]
fn the_grid_of_a_locked_stage_is_read_only_and_the_window_locks_and_unlocks() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("ward.db");
    {
        let store = Store::open(&db).unwrap();
        let (unit, _) = store.unit_for("03142", 2021).unwrap();
        store
            .lock(
                Some(unit),
                2021,
                LockPart::Stage(Stage::Estimate),
                "đã gửi báo cáo ước",
                Origin::Cli,
            )
            .unwrap();
    }
    let mut harness = window(&db);
    let estimate = format!("Ước đạt — {REVENUE}");
    let actual = format!("Thực hiện — {REVENUE}");
    assert!(disabled(&harness, &estimate));
    assert!(!disabled(&harness, &actual));
    harness.get_by_label_contains("Số liệu ước đạt đã chốt ngày");

    // Unlocked from the window, with a reason: the cell takes typing again.
    harness.get_by_label("Mở khóa…").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Lý do (bắt buộc)")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Lý do (bắt buộc)")
        .type_text("sửa số ước");
    harness.run();
    harness.get_by_label("Mở khóa").click();
    harness.run();
    assert!(!disabled(&harness, &estimate));
    // After the unlock, the window says how many values changed since the lock: none yet.
    harness.get_by_label_contains("0 giá trị đã thay đổi từ lần chốt ngày");
    let store = Store::open(&db).unwrap();
    let locks = store.locks(Some(2021), None).unwrap();
    assert_eq!(locks.len(), 1);
    assert_eq!(
        locks[0].lock.unlocked.as_ref().map(|u| u.reason.as_str()),
        Some("sửa số ước")
    );
}

#[test]
fn the_settings_back_up_now_and_restore_a_copy_after_saying_where_the_file_is_kept() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("ward.db");
    let mut harness = window(&db);
    harness.get_by_label("Cài đặt").click();
    harness.run();
    // The day's copy, made on the first start, is listed.
    harness.get_by_label("hằng ngày");
    harness.get_by_label("Sao lưu ngay").click();
    harness.run();
    harness.get_by_label("sao lưu tay");
    let manual = backups(&db)
        .into_iter()
        .find(|n| n.ends_with("-manual.db"))
        .unwrap();

    // A change after the copy, then the copy restored: the change is gone.
    {
        let store = Store::open(&db).unwrap();
        let (unit, _) = store.unit_for("03142", 2021).unwrap();
        store
            .lock(Some(unit), 2021, LockPart::All, "đã tổng kết", Origin::Cli)
            .unwrap();
    }
    harness.get_by_label(&format!("Khôi phục {manual}")).click();
    harness.run();
    harness.get_by_label_contains("trước khi khôi phục");
    harness.get_by_label("Khôi phục").click();
    harness.run();
    let notice = format!("{:?}", harness.state().notice);
    assert!(notice.contains("Đã khôi phục từ"), "{notice}");
    let store = Store::open(&db).unwrap();
    assert!(store.locks(Some(2021), None).unwrap().is_empty());
    assert_eq!(store.restores().unwrap().len(), 1);
    assert!(
        backups(&db)
            .iter()
            .any(|n| n.ends_with("-before-restore.db")),
        "{:?}",
        backups(&db)
    );
}

/// The window on `db` showing Phường Thanh Trường's 2021 in `view`, in Vietnamese.
fn window_on(db: &Path, view: View) -> Harness<'static, WardKpiApp> {
    common::window::open(db, view, Lang::Vi)
}

#[test]
fn an_import_is_one_entry_of_the_history_that_opens_to_its_values_and_a_cell_tells_its_own() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("ward.db");
    let table = scratch.path("bieu-2021.csv");
    std::fs::write(
        &table,
        "STT;Chỉ tiêu;ĐVT;Thực hiện\n\
         1;Sản lượng cây trồng;tấn;2.810\n\
         2;Công trình xây mới, sửa chữa do phường làm chủ đầu tư;công trình;9\n",
    )
    .unwrap();
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["import", "--year", "2021", "--ward", "03142"])
        .arg(&table)
        .assert()
        .success();
    run(
        &db,
        &[
            "lock",
            "--year",
            "2021",
            "--stage",
            "final",
            "--reason",
            "quyết toán xong",
        ],
    )
    .success();
    // The command line's history names the file and the lock.
    run(
        &db,
        &["history", "--year", "2021", "--indicator", "crop_output"],
    )
    .success()
    .stdout(
        contains("nhập từ bieu-2021.csv")
            .and(contains("quyết toán xong"))
            .and(contains("2.809,8")),
    );

    let mut harness = window_on(&db, View::History);
    harness.run();
    let line = harness
        .get_by_label_contains("Nhập từ bieu-2021.csv")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert!(
        line.contains(", 2 giá trị (tester)") || line.contains(", 2 giá trị ("),
        "{line}"
    );
    harness.get_by_label_contains("Chốt quyết toán 2021");
    harness
        .get_by_label_contains("Nhập từ bieu-2021.csv")
        .click();
    harness.run();
    harness.run();
    harness.get_by_label("2.809,8");
    harness.get_by_label("2.810");

    // In the grid, a cell's context menu lists its changes with where they came from.
    harness.get_by_label("Nhập số liệu").click();
    harness.run();
    harness
        .get_by_role_and_label(
            Role::TextInput,
            "Thực hiện — Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3)",
        )
        .click_secondary();
    harness.run();
    harness.get_by_label("Lịch sử thay đổi của ô");
    harness.get_by_label_contains("nhập từ bieu-2021.csv: 2.809,8 thành 2.810");
}

/// How many figures a database holds, after checking it is whole.
fn whole_figures(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(verdict, "ok", "{}", db.display());
    conn.query_row("SELECT count(*) FROM figure", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_restore_killed_midway_leaves_the_file_all_old_or_all_new() {
    let scratch = Scratch::new();
    // 60,000 figures: a restore takes long enough to be cut off in the middle.
    let template = scratch.path("template.db");
    ward_kpi()
        .arg("--db")
        .arg(&template)
        .args([
            "demo",
            "--synthetic",
            "--wards",
            "50",
            "--years",
            "10",
            "--indicators",
            "40",
        ])
        .assert()
        .success();
    let copy = scratch.path("copy.db");
    run(&template, &["backup", "-o", copy.to_str().unwrap()]).success();
    let new = whole_figures(&copy);
    // The file as it is holds one figure more than the copy.
    run(
        &template,
        &[
            "set",
            "--year",
            "2021",
            "--indicator",
            "crop_output",
            "--final",
            "2.810",
        ],
    )
    .success();
    let old = whole_figures(&template);
    assert_eq!(old, new + 1);

    let (mut olds, mut news) = (0, 0);
    for step in 0..16_u64 {
        let db = scratch.path(&format!("killed-{step}.db"));
        std::fs::copy(&template, &db).unwrap();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ward-kpi"))
            .arg("--db")
            .arg(&db)
            .arg("restore")
            .arg(&copy)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(step * 15));
        // SIGKILL: no handler runs, nothing is flushed or rolled back by the program.
        child.kill().unwrap();
        child.wait().unwrap();
        let figures = whole_figures(&db);
        assert!(
            figures == old || figures == new,
            "kill after {} ms: {figures} figures, neither the old {old} nor the new {new}",
            step * 15
        );
        if figures == old {
            olds += 1;
        } else {
            news += 1;
        }
    }
    eprintln!("restore killed 16 times: {olds} left old, {news} left new");
    // Kills landed before the restore was written and after it.
    assert!(olds > 0 && news > 0, "old {olds}, new {news}");
}

#[test]
fn the_meeting_and_the_dashboard_of_a_locked_year_say_when_it_was_locked() {
    let scratch = Scratch::new();
    let db = scratch.demo_db("ward.db");
    run(&db, &["lock", "--year", "2021", "--reason", "đã tổng kết"]).success();
    let day = jiff::Zoned::now().strftime("%d/%m/%Y").to_string();
    let mut harness = window_on(&db, View::Dashboard);
    harness.get_by_label_contains(&format!("Số liệu đã chốt ngày {day} (tester: đã tổng kết)"));
    harness.key_press(egui::Key::F5);
    harness.run();
    harness.get_by_label(&format!("Số liệu đã chốt ngày {day}"));
}
