//! Folders and files named as a ward office names them (Vietnamese letters, spaces, `#`, `%`):
//! the database is created, opened, backed up, restored, exported and read as a ward's
//! submission there, and the default database lives under a user folder named so. Windows gives
//! the program the same Unicode names (as UTF-16, which Rust and SQLite turn into UTF-8 without
//! loss), so what passes here is what a ward's PC sees.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{Scratch, ward_kpi};
use predicates::str::contains;

/// A folder as a ward office names it: letters with diacritics, spaces, and the characters an
/// SQLite URI would misread if they were not escaped.
const FOLDER: &str = "Báo cáo phường #2 (đạt 100%)";
/// The database's own name.
const DB: &str = "dữ liệu năm 2021.db";

fn run(db: &Path, args: &[&str]) -> String {
    let out = ward_kpi().arg("--db").arg(db).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn folder(scratch: &Scratch) -> PathBuf {
    let folder = scratch.path(FOLDER);
    std::fs::create_dir(&folder).unwrap();
    folder
}

#[test]
fn a_database_in_a_vietnamese_folder_is_created_opened_backed_up_restored_and_exported() {
    let scratch = Scratch::new();
    let folder = folder(&scratch);
    let db = folder.join(DB);

    // Created, then opened: the published figure is there.
    let said = run(&db, &["demo"]);
    assert!(said.contains(&db.display().to_string()), "{said}");
    let report = common::report_text(&db, "2021");
    assert!(report.contains("2809.8"), "{report}");

    // Backed up beside it, the copy named after it, and listed.
    let said = run(&db, &["backup"]);
    let backups: Vec<PathBuf> = std::fs::read_dir(folder.join("backups"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    let manual = backups
        .iter()
        .find(|p| p.to_string_lossy().ends_with("-manual.db"))
        .unwrap();
    let name = manual.file_name().unwrap().to_str().unwrap();
    assert!(name.starts_with("dữ liệu năm 2021-"), "{name}");
    assert!(said.contains(&manual.display().to_string()), "{said}");
    assert_eq!(common::report_text(manual, "2021"), report);
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .arg("backups")
        .assert()
        .success()
        .stdout(contains(name));

    // Backed up to a file named by the user, and restored from it.
    let copy = folder.join("bản sao #1 của Thanh Trường.db");
    run(&db, &["backup", "-o", copy.to_str().unwrap()]);
    assert_eq!(common::report_text(&copy, "2021"), report);
    run(&db, &["restore", copy.to_str().unwrap()]);
    assert_eq!(common::report_text(&db, "2021"), report);

    // Exported into the same folder, each format where it was asked.
    for (format, file, starts) in [
        ("xlsx", "Báo cáo năm 2021.xlsx", &b"PK"[..]),
        ("pdf", "Báo cáo năm 2021.pdf", b"%PDF"),
        (
            "csv",
            "Số liệu năm 2021.csv",
            "\u{feff}ward_code".as_bytes(),
        ),
        ("png", "Biểu đồ % kế hoạch.png", b"\x89PNG"),
    ] {
        let out = folder.join(file);
        common::export(&db, "2021", format, &out).success();
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(starts), "{format}: {file}");
    }
}

#[test]
fn a_ward_database_in_a_vietnamese_folder_is_read_as_a_submission() {
    // A ward's file is read through an SQLite URI (read-only, `immutable`): the folder's `#`
    // and `%` must not be taken for the URI's fragment or an escape.
    let scratch = Scratch::new();
    let folder = folder(&scratch);
    let ward = folder.join(DB);
    run(&ward, &["demo"]);
    let province = scratch.path("tỉnh Điện Biên.db");
    run(&province, &["init"]);
    ward_kpi()
        .arg("--db")
        .arg(&province)
        .args(["gather", "--parent", "11"])
        .arg(&ward)
        .assert()
        .success()
        .stdout(contains("Phường Thanh Trường (03142), năm 2021"));
    let report = run(
        &province,
        &[
            "report", "--ward", "03142", "--year", "2021", "--format", "json",
        ],
    );
    assert!(report.contains("2809.8"), "{report}");
}

#[test]
fn the_default_database_is_made_in_a_user_folder_with_vietnamese_letters() {
    // On Linux the user's data folder is $XDG_DATA_HOME (on Windows, %APPDATA%, whose path
    // holds the user's name: C:\Users\Nguyễn Văn A\AppData\Roaming).
    let scratch = Scratch::new();
    let home = scratch.path("Nguyễn Văn A");
    let data = home.join("dữ liệu chung");
    ward_kpi()
        .env("HOME", &home)
        .env("XDG_DATA_HOME", &data)
        .args(["report", "--year", "2021"])
        .assert()
        .success()
        .stdout(contains("2.809,8"));
    assert!(data.join("ward-kpi").join("ward-kpi.db").is_file());
}
