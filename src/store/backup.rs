//! Copies of the database: written with SQLite's online backup API while the file is open,
//! under a temporary name beside the copy, verified (integrity, application id, schema version),
//! and only then renamed into place, so a copy that exists is a whole one. (Issue 10 §3 builds
//! the backups folder, their keeping and restoring on this.)

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::schema::{APPLICATION_ID, latest_version};
use super::{Result, Store, StoreError};

impl Store {
    /// Writes a verified copy of the database to `dest`, which must not exist yet. Nothing is
    /// left at `dest` when the copy fails, and the database itself is never written.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if std::fs::symlink_metadata(dest).is_ok() {
            return Err(StoreError::AlreadyExists {
                path: dest.to_path_buf(),
            });
        }
        let part = part_path(dest);
        let written = self.copy_to(&part).and_then(|()| verify(&part));
        if let Err(error) = written {
            remove_part(&part)?;
            return Err(error);
        }
        if let Err(source) = std::fs::rename(&part, dest) {
            remove_part(&part)?;
            return Err(StoreError::Io {
                path: dest.to_path_buf(),
                source,
            });
        }
        Ok(())
    }

    /// Copies every page of the open database into a new file at `part`.
    fn copy_to(&self, part: &Path) -> Result<()> {
        let err = |e| StoreError::from_sqlite(part, e);
        let mut target = Connection::open(part).map_err(err)?;
        {
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut target).map_err(err)?;
            // All pages in one step: a ward's database is small, and one step sees one state.
            backup
                .run_to_completion(i32::MAX, std::time::Duration::ZERO, None)
                .map_err(err)?;
        }
        target.close().map_err(|(_, e)| err(e))
    }
}

/// Whether a written copy is a whole ward-kpi database of this program's schema.
fn verify(path: &Path) -> Result<()> {
    let err = |e| StoreError::from_sqlite(path, e);
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(err)?;
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(err)?;
    if verdict != "ok" {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: verdict,
        });
    }
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(err)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(err)?;
    if app_id != APPLICATION_ID || version != latest_version() {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: format!(
                "the copy reads as application {app_id:#x}, schema {version}, not ward-kpi's schema {}",
                latest_version()
            ),
        });
    }
    Ok(())
}

/// The temporary name a copy is written under: beside it, so that the rename stays on one disk.
fn part_path(dest: &Path) -> PathBuf {
    let mut name = dest.as_os_str().to_owned();
    name.push(".part");
    PathBuf::from(name)
}

/// Removes a failed copy's temporary file, if it was made.
fn remove_part(part: &Path) -> Result<()> {
    match std::fs::remove_file(part) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(StoreError::Io {
            path: part.to_path_buf(),
            source,
        }),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_is_whole_verified_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("ward.db");
        let store = crate::demo::create_demo(&source).unwrap();
        let dest = dir.path().join("copy.db");
        store.backup_to(&dest).unwrap();
        assert!(!part_path(&dest).exists(), "no temporary file is left");
        let copy = Store::open(&dest).unwrap();
        let (unit, _) = copy.unit_for("03142", 2021).unwrap();
        assert_eq!(
            copy.figures_of(unit, 2021).unwrap(),
            store.figures_of(unit, 2021).unwrap()
        );
        // An existing file is never replaced.
        std::fs::write(dir.path().join("taken.db"), b"mine").unwrap();
        let taken = store.backup_to(&dir.path().join("taken.db"));
        assert!(matches!(taken, Err(StoreError::AlreadyExists { .. })));
        assert_eq!(std::fs::read(dir.path().join("taken.db")).unwrap(), b"mine");
        // A copy that cannot be written (no such folder) leaves nothing behind.
        let nowhere = dir.path().join("no-folder").join("copy.db");
        assert!(store.backup_to(&nowhere).is_err());
        assert!(!nowhere.exists() && !part_path(&nowhere).exists());
    }

    #[test]
    fn a_foreign_file_does_not_verify() {
        let dir = tempfile::tempdir().unwrap();
        let foreign = dir.path().join("other.db");
        let conn = Connection::open(&foreign).unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        drop(conn);
        assert!(matches!(verify(&foreign), Err(StoreError::Corrupt { .. })));
    }
}
