//! Evidence that the database holds when the machine does not: a disk that fills mid-import, a
//! read-only file or folder, an import killed mid-write. Each leaves the file whole (`PRAGMA
//! integrity_check`) with every figure as it was (or, killed after the commit, with every figure
//! of the import), and the user is told why in words. Run through the real program.
//!
//! Root ignores file permissions, so where a test runs as root it makes a file or a folder
//! read-only with `chattr +i`; the full disk is a small tmpfs mounted in a mount namespace of its
//! own (`unshare`). A test that cannot arrange its machine says so on stderr and passes.

#![allow(clippy::unwrap_used)]

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use predicates::prelude::*;
use predicates::str::contains;
use rusqlite::{Connection, OpenFlags};

use common::{Scratch, snapshot, ward_kpi};

/// A synthetic database of 20 wards, 50 indicators and one year (2024): 3,000 figures, and the
/// demo ward's.
fn synthetic_db(scratch: &Scratch, name: &str) -> PathBuf {
    let db = scratch.path(name);
    ward_kpi()
        .arg("--db")
        .arg(&db)
        .args(["demo", "--synthetic", "--wards", "20", "--years", "1"])
        .args(["--indicators", "50"])
        .assert()
        .success();
    db
}

/// A CSV of `years` × 20 wards × 50 indicators new values ("Thực hiện") for `db`'s synthetic
/// wards, one a row, in the years from 1990 on that hold no figure (the last synthetic year
/// does): 100 years make
/// 100,000 rows.
fn import_csv(db: &Path, years: usize, path: &Path) -> usize {
    let store = ward_kpi::store::Store::open(db).unwrap();
    let codes: Vec<String> = store
        .indicators()
        .unwrap()
        .into_iter()
        .map(|(_, indicator)| indicator.code)
        .collect();
    assert_eq!(codes.len(), 50);
    let mut text = String::from("Mã phường;Năm;Mã chỉ tiêu;Thực hiện\n");
    let mut rows = 0_usize;
    for ward in 1..=20 {
        let last = ward_kpi::demo::synthetic::LAST_YEAR;
        for year in (1990..=2100).filter(|&y| y != last).take(years) {
            for code in &codes {
                rows += 1;
                writeln!(text, "SYN{ward:04};{year};{code};{}", rows % 97 + 1).unwrap();
            }
        }
    }
    std::fs::write(path, text).unwrap();
    rows
}

/// Every row of every table as text, sorted (the change sets without their time): equal before
/// and after means nothing was written.
fn contents(db: &Path) -> Vec<(String, Vec<String>)> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut names = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap();
    let tables: Vec<String> = names
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|table| {
            let columns = if table == "change_set" {
                "id, who, origin"
            } else {
                "*"
            };
            let mut stmt = conn
                .prepare(&format!("SELECT {columns} FROM {table}"))
                .unwrap();
            let width = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    Ok((0..width)
                        .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows.sort();
            (table, rows)
        })
        .collect()
}

/// `PRAGMA integrity_check` of the file, through a connection that may recover its WAL.
fn integrity(db: &Path) -> String {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn figure_count(db: &Path) -> i64 {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.query_row("SELECT count(*) FROM figure", [], |r| r.get(0))
        .unwrap()
}

/// A file name with a suffix (`a.db-wal`).
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A copy of `db` with no WAL companions, at `to`.
fn fresh_copy(db: &Path, to: &Path) {
    for suffix in ["-wal", "-shm"] {
        if let Err(e) = std::fs::remove_file(with_suffix(to, suffix)) {
            assert_eq!(e.kind(), std::io::ErrorKind::NotFound, "{e}");
        }
    }
    std::fs::copy(db, to).unwrap();
}

// A disk that fills mid-import.

#[test]
fn a_disk_that_fills_mid_import_refuses_it_in_words_and_keeps_the_database() {
    let scratch = Scratch::new();
    let db = synthetic_db(&scratch, "full.db");
    let csv = scratch.path("so-lieu.csv");
    // 100,000 values: some 2.5 MB through the WAL, where the disk has 160 kB left.
    assert_eq!(import_csv(&db, 100, &csv), 100_000);
    let before = contents(&db);
    // Room for the database, the copy an import makes of it first (into backups/ beside it,
    // with its journal), and 160 kB more.
    let db_len = (std::fs::metadata(&db).unwrap().len() / 4096 + 1) * 4096;
    let size = 3 * db_len + 40 * 4096;
    let disk = scratch.path("disk");
    std::fs::create_dir(&disk).unwrap();
    for (lang, words) in [
        ("vi", ["đầy", "chưa lưu gì"]),
        ("en", ["full", "nothing was saved"]),
    ] {
        let out = scratch.path(&format!("out-{lang}"));
        std::fs::create_dir(&out).unwrap();
        // In a mount namespace of its own: a tmpfs just larger than the database, the database
        // copied onto it, the import run there, and the files it leaves copied back out.
        let script = r#"
            mount -t tmpfs -o size="$1" tmpfs "$2" || exit 99
            cp "$3" "$2/full.db"
            "$4" --lang "$5" --db "$2/full.db" import --yes "$6" >"$7/stdout" 2>"$7/stderr"
            echo $? >"$7/status"
            cp "$2"/full.db* "$7"/
            umount "$2"
        "#;
        let run = Command::new("unshare")
            .args(["--mount", "--map-root-user", "sh", "-c", script, "sh"])
            .arg(size.to_string())
            .args([&disk, &db])
            .arg(env!("CARGO_BIN_EXE_ward-kpi"))
            .arg(lang)
            .args([&csv, &out])
            .env_remove("WARD_KPI_DB")
            .env("USER", "tester")
            .output();
        let mounted = run.as_ref().is_ok_and(|o| o.status.code() != Some(99));
        if !mounted || !out.join("status").exists() {
            eprintln!(
                "SKIPPED: cannot mount a small tmpfs here (unshare --mount --map-root-user: {:?})",
                run.map(|o| String::from_utf8_lossy(&o.stderr).into_owned())
            );
            return;
        }
        let status = std::fs::read_to_string(out.join("status")).unwrap();
        let stderr = std::fs::read_to_string(out.join("stderr")).unwrap();
        assert_eq!(status.trim(), "1", "the import must fail: {stderr}");
        let line = stderr.lines().last().unwrap();
        assert!(
            line.contains("/full.db:"),
            "the message names the file: {line}"
        );
        for word in words {
            assert!(line.contains(word), "{lang}: '{word}' not in: {line}");
        }
        assert!(
            !line.contains("Error code"),
            "SQLite's words leak through: {line}"
        );
        let after = out.join("full.db");
        assert_eq!(integrity(&after), "ok");
        assert!(contents(&after) == before, "the database changed");
    }
}

// A read-only file or folder.

/// A file or folder made read-only for whoever runs the tests, undone when dropped.
struct ReadOnly {
    path: PathBuf,
    immutable: bool,
}

impl ReadOnly {
    /// Makes `path` read-only: by its mode where `by_mode`, and, where that does not stop this
    /// user (root), with `chattr +i` (always, unless `by_mode`). `None` when nothing here can
    /// make it read-only.
    fn new(path: &Path, by_mode: bool) -> Option<Self> {
        let mut guard = Self {
            path: path.to_path_buf(),
            immutable: false,
        };
        if by_mode {
            set_writable(path, false);
        }
        if !by_mode || writable(path) {
            let chattr = Command::new("chattr").arg("+i").arg(path).output();
            guard.immutable = chattr.is_ok_and(|o| o.status.success());
        }
        (!writable(path)).then_some(guard)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if self.immutable {
            let undone = Command::new("chattr").arg("-i").arg(&self.path).status();
            assert!(undone.is_ok_and(|s| s.success()), "chattr -i failed");
        }
        set_writable(&self.path, true);
    }
}

#[allow(clippy::permissions_set_readonly_false)]
fn set_writable(path: &Path, writable: bool) {
    let mut permissions = std::fs::metadata(path).unwrap().permissions();
    permissions.set_readonly(!writable);
    std::fs::set_permissions(path, permissions).unwrap();
}

/// Whether this user can write `path` (a file opened for appending, a file made in a folder).
fn writable(path: &Path) -> bool {
    if path.is_dir() {
        let probe = path.join(".probe");
        let made = std::fs::File::create(&probe).is_ok();
        if made {
            std::fs::remove_file(&probe).unwrap();
        }
        made
    } else {
        std::fs::OpenOptions::new().append(true).open(path).is_ok()
    }
}

/// `report` reads the read-only `db`; `set` is refused saying it is read-only, in both languages;
/// the file is left as it was.
fn reads_and_refuses_writes(db: &Path) {
    let before = snapshot(db)[0].clone();
    ward_kpi()
        .arg("--db")
        .arg(db)
        .args(["report", "--year", "2021"])
        .assert()
        .success()
        .stdout(contains("Thanh Trường").and(contains("2.809,8")));
    for (lang, words) in [("vi", "tệp chỉ đọc; chưa lưu gì"), ("en", "read-only")] {
        ward_kpi()
            .arg("--db")
            .arg(db)
            .args(["--lang", lang, "set", "--year", "2021", "--indicator"])
            .args(["crop_output", "--actual", "2900"])
            .assert()
            .failure()
            .stderr(contains(words).and(contains(db.to_str().unwrap())));
    }
    assert_eq!(snapshot(db)[0], before, "the file changed");
}

#[test]
fn a_read_only_file_opens_for_reading_and_refuses_writes_in_words() {
    let scratch = Scratch::new();
    // By its mode (what a user's copy from a CD or a mail has), and, as root, by the file
    // system alone with a mode that would allow writing (a read-only share).
    for by_mode in [true, false] {
        let db = scratch.demo_db(&format!("read-only-{by_mode}.db"));
        let Some(read_only) = ReadOnly::new(&db, by_mode) else {
            eprintln!(
                "SKIPPED: cannot make {} read-only here ({})",
                db.display(),
                if by_mode { "chmod" } else { "chattr +i" }
            );
            continue;
        };
        reads_and_refuses_writes(&db);
        drop(read_only);
        assert_eq!(integrity(&db), "ok");
    }
}

#[test]
fn a_database_in_a_read_only_folder_opens_for_reading_and_refuses_writes_in_words() {
    let scratch = Scratch::new();
    let folder = scratch.path("read-only-folder");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("phuong.db");
    ward_kpi::demo::create_demo(&db).unwrap();
    let Some(read_only) = ReadOnly::new(&folder, true) else {
        eprintln!("SKIPPED: cannot make {} read-only here", folder.display());
        return;
    };
    reads_and_refuses_writes(&db);
    drop(read_only);
    assert_eq!(integrity(&db), "ok");
}

// An import killed mid-write.

/// How one run of the import ended.
struct Run {
    /// Time from the start to the first byte in the WAL (the write beginning).
    write_began: Option<Duration>,
    /// Time from the start to the last time the WAL was seen growing (the write ending).
    write_ended: Option<Duration>,
    /// Time from the start to the end of the process.
    ended: Duration,
    /// Whether it was killed while still running, with the WAL's length then.
    killed_with_wal: Option<u64>,
}

/// Runs `ward-kpi --db DB import --yes CSV` (the made-up values jump from year to year, which
/// the plausibility rules would otherwise ask about) and, with `kill_after`, kills it (SIGKILL) that long after
/// the first byte reached the WAL, if it is still running then.
fn import_run(db: &Path, csv: &Path, kill_after: Option<Duration>) -> Run {
    let wal = with_suffix(db, "-wal");
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_ward-kpi"))
        .arg("--db")
        .arg(db)
        .args(["import", "--yes"])
        .arg(csv)
        .env_remove("WARD_KPI_DB")
        .env("USER", "tester")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut write_began = None;
    let mut write_ended = None;
    let mut wal_max = 0;
    let mut killed_with_wal = None;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(
                status.success() || killed_with_wal.is_some(),
                "the import failed: {status}"
            );
            break;
        }
        let wal_len = std::fs::metadata(&wal).map_or(0, |m| m.len());
        if write_began.is_none() && wal_len > 0 {
            write_began = Some(started.elapsed());
        }
        if wal_len > wal_max {
            wal_max = wal_len;
            write_ended = Some(started.elapsed());
        }
        if let (Some(began), Some(after)) = (write_began, kill_after)
            && killed_with_wal.is_none()
            && started.elapsed() >= began + after
        {
            // `Child::kill` sends SIGKILL on Unix: no handler, no cleanup, as a power cut.
            child.kill().unwrap();
            killed_with_wal = Some(wal_len);
        }
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "the import never ended"
        );
        std::thread::sleep(Duration::from_micros(500));
    }
    Run {
        write_began,
        write_ended,
        ended: started.elapsed(),
        killed_with_wal,
    }
}

#[test]
fn an_import_killed_mid_write_leaves_all_old_or_all_new() {
    let scratch = Scratch::new();
    let pristine = synthetic_db(&scratch, "pristine.db");
    let csv = scratch.path("100k.csv");
    let rows = import_csv(&pristine, 100, &csv);
    assert_eq!(rows, 100_000);
    let old = contents(&pristine);
    let old_count = figure_count(&pristine);

    // The whole import once: what "all new" is, and how long its write takes on this machine.
    let reference = scratch.path("reference.db");
    fresh_copy(&pristine, &reference);
    let whole = import_run(&reference, &csv, None);
    let new = contents(&reference);
    let new_count = figure_count(&reference);
    assert_eq!(new_count, old_count + 100_000);
    let (Some(began), Some(ended)) = (whole.write_began, whole.write_ended) else {
        panic!("the import never wrote to the WAL");
    };
    let write = ended.saturating_sub(began);
    eprintln!(
        "whole import: {:?}, the WAL growing from {began:?} to {ended:?}",
        whole.ended
    );

    // Kills spread over the write, from its first byte in the WAL to the last, whatever the
    // speed of the machine.
    let db = scratch.path("killed.db");
    let mut killed_before_commit = 0;
    // The last kill comes after the last growth: most often after the commit, all new.
    for step in 0..=6_u32 {
        fresh_copy(&pristine, &db);
        let run = import_run(&db, &csv, Some(write * step / 5));
        assert_eq!(integrity(&db), "ok", "kill {step}");
        let count = figure_count(&db);
        let now = contents(&db);
        if count == old_count {
            assert!(
                now == old,
                "kill {step}: as many figures as before, but not the same"
            );
            if run.killed_with_wal.is_some_and(|wal| wal > 0) {
                killed_before_commit += 1;
            }
        } else {
            assert_eq!(count, new_count, "kill {step}: neither all old nor all new");
            assert!(
                now == new,
                "kill {step}: as many figures as the import, but not the same"
            );
        }
        eprintln!(
            "kill {step}: WAL at the kill {:?}, {} figures",
            run.killed_with_wal, count
        );
    }
    assert!(
        killed_before_commit > 0,
        "no kill landed mid-write (the WAL holding part of the write)"
    );
}
