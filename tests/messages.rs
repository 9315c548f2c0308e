//! Error messages of the command line as a QA tester met them: each says what and where, in the
//! user's language (Vietnamese by default, English with --lang en), on one line, naming the
//! file the user named (never a temporary one), and leaves nothing behind.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::{Scratch, ward_kpi};

/// Runs `ward-kpi --db DB ARGS…`, expecting a failure: its standard error.
fn fails(db: &Path, args: &[&str]) -> String {
    let out = ward_kpi().arg("--db").arg(db).args(args).output().unwrap();
    assert!(!out.status.success(), "{args:?} should fail");
    String::from_utf8(out.stderr).unwrap()
}

/// A demo database made by the command line, as a user makes it.
fn demo(scratch: &Scratch, name: &str) -> std::path::PathBuf {
    let db = scratch.path(name);
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .arg("demo")
        .assert()
        .success();
    db
}

/// The names in a folder, sorted, but for the day's backups folder the first command makes.
fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "backups")
        .collect();
    names.sort();
    names
}

#[test]
fn a_write_into_a_missing_folder_names_the_file_and_the_folder() {
    let scratch = Scratch::new();
    let db = demo(&scratch, "x.db");
    let before = names(scratch.dir.path());
    let nodir = scratch.path("nodir");
    for format in ["xlsx", "pdf", "csv", "docx", "png", "txt"] {
        let out = nodir.join(format!("x.{format}"));
        let out = out.to_str().unwrap();
        let args = ["export", "--year", "2021", "--format", format, "-o", out];
        let vi = fails(&db, &args);
        assert_eq!(
            vi.trim_end(),
            format!(
                "ward-kpi: Không ghi được {out}: thư mục {} không tồn tại",
                nodir.display()
            )
        );
        let en = fails(&db, &[&["--lang", "en"][..], &args].concat());
        assert!(
            en.contains(&format!("x.{format} cannot be written"))
                && en.contains("does not exist")
                && !en.contains(".part"),
            "{en}"
        );
    }
    let copy = nodir.join("x.db");
    let vi = fails(&db, &["backup", "-o", copy.to_str().unwrap()]);
    assert_eq!(vi.lines().count(), 1, "{vi}");
    assert!(
        vi.contains(&format!("Không ghi được {}", copy.display()))
            && vi.contains("không tồn tại")
            && !vi.contains(".part")
            && !vi.contains("unable to open"),
        "{vi}"
    );
    let en = fails(
        &db,
        &["--lang", "en", "backup", "-o", copy.to_str().unwrap()],
    );
    assert!(en.contains("the folder") && !en.contains(".part"), "{en}");
    // The comparison's and the handout's workbooks are written the same one way.
    let sheet = nodir.join("so-sanh.xlsx");
    let vi = fails(
        &db,
        &[
            "compare",
            "--year",
            "2021",
            "--parent",
            "11",
            "--format",
            "xlsx",
            "-o",
            sheet.to_str().unwrap(),
        ],
    );
    assert!(vi.contains("so-sanh.xlsx: thư mục"), "{vi}");
    assert!(!nodir.exists());
    assert_eq!(names(scratch.dir.path()), before, "nothing left behind");
}

#[test]
fn a_write_that_fails_after_drawing_names_the_file_asked_for_and_leaves_nothing() {
    let scratch = Scratch::new();
    let db = demo(&scratch, "x.db");
    // A folder stands where the file would go: the temporary file is written, the rename fails.
    let taken = scratch.path("bao-cao.pdf");
    std::fs::create_dir(&taken).unwrap();
    let before = names(scratch.dir.path());
    for format in ["pdf", "xlsx"] {
        let out = scratch.path(&format!("bao-cao.{format}"));
        if format == "xlsx" {
            std::fs::create_dir(&out).unwrap();
        }
        let args = ["export", "--year", "2021", "--format", format];
        let vi = fails(&db, &[&args[..], &["-o", out.to_str().unwrap()]].concat());
        assert!(
            vi.starts_with(&format!("ward-kpi: Không ghi được {}: ", out.display()))
                && !vi.contains(".part")
                && vi.lines().count() == 1,
            "{vi}"
        );
    }
    let after: Vec<String> = names(scratch.dir.path())
        .into_iter()
        .filter(|n| n != "bao-cao.xlsx")
        .collect();
    assert_eq!(after, before, "no temporary file left");
}

#[test]
fn a_backup_of_a_damaged_database_names_the_database_not_the_copy() {
    let scratch = Scratch::new();
    let db = demo(&scratch, "cor.db");
    // Two pages of tables zeroed: the file opens, its copy does not verify.
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[3 * 4096..5 * 4096].fill(0);
    std::fs::write(&db, bytes).unwrap();
    let copy = scratch.path("cor-copy.db");
    for lang in ["vi", "en"] {
        let err = fails(
            &db,
            &["--lang", lang, "backup", "-o", copy.to_str().unwrap()],
        );
        let last = err.lines().last().unwrap();
        assert!(
            last.contains(&format!("{}: ", db.display())) && !err.contains("cor-copy"),
            "{err}"
        );
        let damaged = if lang == "vi" {
            "bị hỏng"
        } else {
            "damaged"
        };
        assert!(last.contains(damaged), "{err}");
    }
    assert!(!copy.exists());
    assert!(!scratch.path("cor-copy.db.part").exists());
}

#[test]
fn every_wrong_year_is_refused_with_the_same_words_in_the_users_language() {
    let scratch = Scratch::new();
    let db = demo(&scratch, "x.db");
    for year in ["99999", "1800", "0", "-5", "40000"] {
        for (command, rest) in [
            ("report", &[][..]),
            ("export", &["--format", "csv", "-o", "x.csv"][..]),
            ("compare", &["--parent", "11"][..]),
            ("submissions", &[][..]),
            ("locks", &[][..]),
        ] {
            let args = [&[command, "--year", year][..], rest].concat();
            let vi = fails(&db, &args);
            assert_eq!(
                vi,
                format!("ward-kpi: --year {year} nằm ngoài khoảng cho phép (1990–2100)\n"),
                "{args:?}"
            );
            let en = fails(&db, &[&["--lang", "en"][..], &args].concat());
            assert_eq!(
                en,
                format!("ward-kpi: --year {year} is out of range (1990–2100)\n"),
                "{args:?}"
            );
        }
    }
    let vi = fails(&db, &["report", "--year", "abc"]);
    assert!(
        vi.contains("không phải là một năm") && vi.contains("1990–2100"),
        "{vi}"
    );
    let en = fails(&db, &["--lang", "en", "report", "--year", "abc"]);
    assert!(
        en.contains("is not a year") && en.contains("1990–2100"),
        "{en}"
    );
    assert!(!scratch.path("x.csv").exists());
}

#[test]
fn an_unknown_indicator_code_in_compare_is_said_as_unknown() {
    let scratch = Scratch::new();
    let db = demo(&scratch, "x.db");
    for flag in ["--indicator", "--sort"] {
        let args = ["compare", "--year", "2021", "--parent", "11", flag, "nope"];
        let vi = fails(&db, &args);
        assert_eq!(
            vi,
            "ward-kpi: không có chỉ tiêu mã 'nope' (xem `ward-kpi indicators`)\n"
        );
        let en = fails(&db, &[&["--lang", "en"][..], &args].concat());
        assert_eq!(
            en,
            "ward-kpi: no indicator with code 'nope' (see `ward-kpi indicators`)\n"
        );
    }
}

#[test]
fn gather_accounts_for_every_file_it_counts() {
    let scratch = Scratch::new();
    let db = demo(&scratch, "tinh.db");
    let folder = scratch.path("bao-cao");
    std::fs::create_dir(&folder).unwrap();
    let table = |year: i16, actual: u32| {
        format!(
            "ward_code,year,indicator,plan,actual,note\n03142,{year},crop_output,2500,{actual},\n"
        )
    };
    // The ward's newer file is received first.
    let newer = scratch.path("moi.csv");
    std::fs::write(&newer, table(2024, 3000)).unwrap();
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .arg("gather")
        .arg(&newer)
        .assert()
        .success();
    // Then a folder holding an older file of that ward-year, the newer one again, and another
    // year.
    let older = folder.join("cu.csv");
    std::fs::write(&older, table(2024, 2900)).unwrap();
    let two_days_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 86_400);
    std::fs::File::options()
        .write(true)
        .open(&older)
        .unwrap()
        .set_modified(two_days_ago)
        .unwrap();
    std::fs::copy(&newer, folder.join("moi.csv")).unwrap();
    std::fs::write(folder.join("nam-2023.csv"), table(2023, 3000)).unwrap();
    let out = ward_kpi()
        .arg("--db")
        .arg(&db)
        .arg("gather")
        .arg(&folder)
        .arg("--dry-run")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains(": 3 tệp"), "{stdout}");
    for file in ["cu.csv", "moi.csv", "nam-2023.csv"] {
        assert!(
            stdout.lines().any(|l| l.starts_with(&format!("{file}: "))),
            "{file} is not accounted for:\n{stdout}"
        );
    }
    assert!(
        stdout.contains("cu.csv: Phường Thanh Trường (03142), năm 2024: bỏ qua: moi.csv mới hơn"),
        "{stdout}"
    );
    assert!(
        stdout.contains("moi.csv: Phường Thanh Trường (03142), năm 2024: đã nhận tệp này"),
        "{stdout}"
    );
}
