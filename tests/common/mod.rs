//! Fixtures shared by the integration tests: temporary databases and the command line.

#![allow(dead_code, clippy::unwrap_used)]

pub mod window;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A temporary folder that lives as long as the test.
pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A demo database (Phường Thanh Trường, 2021) named `name`.
    pub fn demo_db(&self, name: &str) -> PathBuf {
        let path = self.path(name);
        ward_kpi::demo::create_demo(&path).unwrap();
        path
    }
}

/// Leaves Phường Thanh Trường the only ward of the reference data's merged in 2025 (NQ 1661's
/// other predecessors and huyện Điện Biên go): for tests that count the province's wards.
pub fn keep_one_reference_ward(db: &Path) {
    rusqlite::Connection::open(db)
        .unwrap()
        .execute_batch(
            "DELETE FROM admin_unit WHERE code = '100'
                OR (level = 'ward' AND valid_to = '2025-06-30' AND code <> '03142');",
        )
        .unwrap();
}

/// The `ward-kpi` program with a clean environment: no default database, a fixed user.
pub fn ward_kpi() -> Command {
    let mut cmd = Command::cargo_bin("ward-kpi").unwrap();
    cmd.env_remove("WARD_KPI_DB").env("USER", "tester");
    cmd
}

/// `ward-kpi --db DB report --year YEAR --format json`: the report as JSON text.
pub fn report_text(db: &Path, year: &str) -> String {
    let out = ward_kpi()
        .arg("--db")
        .arg(db)
        .args(["report", "--year", year, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `ward-kpi --db DB export --year YEAR --format FORMAT -o OUT`, ready to run and assert.
pub fn export(db: &Path, year: &str, format: &str, out: &Path) -> assert_cmd::assert::Assert {
    ward_kpi()
        .arg("--db")
        .arg(db)
        .args(["export", "--year", year, "--format", format, "-o"])
        .arg(out)
        .assert()
}

/// A fingerprint of a file and of its WAL companions (name, length, hash of the bytes), to show
/// a file was left untouched.
pub fn snapshot(path: &Path) -> Vec<(String, Option<(usize, u64)>)> {
    use std::hash::{Hash as _, Hasher as _};
    ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            let print = std::fs::read(&name).ok().map(|bytes| {
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                bytes.hash(&mut hasher);
                (bytes.len(), hasher.finish())
            });
            (name.to_string_lossy().into_owned(), print)
        })
        .collect()
}
