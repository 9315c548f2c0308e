//! Restoring the database from a copy: the copy is checked first (a ward-kpi database of this
//! or an older schema, whole), the file as it is now is kept as a copy, and the copy's pages
//! are written into the open database by SQLite's online backup API in one transaction, so a
//! restore cut off midway leaves the file as it was. The restore is recorded in the file.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, params};

use super::retention::BackupReason;
use super::schema::{APPLICATION_ID, latest_version};
use super::{Origin, Result, Store, StoreError};

/// A restore done: the copy restored and where the file as it was is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restored {
    pub source: PathBuf,
    pub kept_as: PathBuf,
}

/// A restore recorded in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RestoreRecord {
    pub at: jiff::Timestamp,
    pub who: String,
    pub source: String,
    pub kept_as: String,
}

impl Store {
    /// Replaces the database's contents by those of the copy at `source`. Refused, with
    /// nothing changed, when the copy is not a whole ward-kpi database of this or an older
    /// schema, or is this very file. The file as it was is first kept in the backups folder.
    pub fn restore_from(&mut self, source: &Path, origin: Origin) -> Result<Restored> {
        self.writable()?;
        if same_file(source, &self.path) {
            return Err(StoreError::RestoreItself {
                path: source.to_path_buf(),
            });
        }
        let copy = check_copy(source)?;
        let kept_as = self.backup_before(BackupReason::Restore)?;
        let path = self.path.clone();
        let err = |e| StoreError::from_sqlite(&path, e);
        {
            let backup = rusqlite::backup::Backup::new(&copy, &mut self.conn).map_err(err)?;
            // Every page in one step (-1): one transaction, all or nothing.
            match backup.step(-1).map_err(err)? {
                rusqlite::backup::StepResult::Done => {}
                _ => return Err(StoreError::Busy { path: path.clone() }),
            }
        }
        drop(copy);
        self.conn
            .execute_batch("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;")
            .map_err(err)?;
        // A copy of an older schema is brought up to this one.
        self.migrate()?;
        self.conn
            .execute(
                "INSERT INTO restore_log (at, who, origin, source, kept_as)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    jiff::Timestamp::now().to_string(),
                    super::os_user(),
                    origin.code(),
                    source.display().to_string(),
                    kept_as.display().to_string()
                ],
            )
            .map_err(err)?;
        Ok(Restored {
            source: source.to_path_buf(),
            kept_as,
        })
    }

    /// The restores recorded in the file, oldest first.
    pub fn restores(&self) -> Result<Vec<RestoreRecord>> {
        if self.read_only && self.pragma("user_version")? < 3 {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT at, who, source, kept_as FROM restore_log ORDER BY id")
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })
            .map_err(|e| self.sql(e))?;
        let mut list = Vec::new();
        for row in rows {
            let (at, who, source, kept_as) = row.map_err(|e| self.sql(e))?;
            let at = at.parse().map_err(|_| StoreError::BadStoredValue {
                path: self.path.clone(),
                what: "restore time",
                text: at.clone(),
            })?;
            list.push(RestoreRecord {
                at,
                who,
                source,
                kept_as,
            });
        }
        Ok(list)
    }
}

/// Opens a copy for reading once it is known to be a whole ward-kpi database this program can
/// read (this or an older schema).
fn check_copy(path: &Path) -> Result<Connection> {
    super::check_file(path)?;
    let err = |e| StoreError::from_sqlite(path, e);
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(err)?;
    let pragma = |name: &str| -> Result<i64> {
        conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
            .map_err(err)
    };
    let app_id = pragma("application_id")?;
    let version = pragma("user_version")?;
    if app_id != APPLICATION_ID {
        return Err(StoreError::NotWardKpi {
            path: path.to_path_buf(),
            detail: format!("application id {app_id:#x}"),
        });
    }
    if version > latest_version() {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            known: latest_version(),
        });
    }
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(err)?;
    if verdict != "ok" {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: verdict,
        });
    }
    Ok(conn)
}

/// Whether two paths name one file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::Stage;

    #[test]
    fn a_restore_brings_the_copy_back_and_keeps_the_file_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::demo::create_demo(&dir.path().join("ward.db")).unwrap();
        let (unit, _) = store.unit_for("03142", 2021).unwrap();
        let copy = dir.path().join("copy.db");
        store.backup_to(&copy).unwrap();
        let before = store.figures_of(unit, 2021).unwrap();
        let (indicator, _) = store.indicator("crop_output").unwrap();
        store
            .apply(
                &super::super::Batch {
                    figures: vec![super::super::FigureWrite {
                        unit,
                        indicator,
                        year: 2021,
                        stage: Stage::Final,
                        value: Some((2810.into(), "2.810".into())),
                        note: String::new(),
                    }],
                    ..Default::default()
                },
                Origin::Cli,
            )
            .unwrap();
        assert_ne!(store.figures_of(unit, 2021).unwrap(), before);

        let restored = store.restore_from(&copy, Origin::Cli).unwrap();
        assert_eq!(store.figures_of(unit, 2021).unwrap(), before);
        // The file as it was (with the final figure) is kept.
        let kept = Store::open(&restored.kept_as).unwrap();
        assert_ne!(kept.figures_of(unit, 2021).unwrap(), before);
        assert_eq!(store.restores().unwrap().len(), 1);
        drop(store);
        // Reopened, the restored file is whole and as restored.
        let reopened = Store::open(&dir.path().join("ward.db")).unwrap();
        reopened.check_integrity().unwrap();
        assert_eq!(reopened.figures_of(unit, 2021).unwrap(), before);
    }

    #[test]
    fn a_foreign_newer_or_own_file_is_refused_and_nothing_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ward.db");
        let mut store = crate::demo::create_demo(&path).unwrap();
        let foreign = dir.path().join("other.db");
        Connection::open(&foreign)
            .unwrap()
            .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        let newer = dir.path().join("newer.db");
        store.backup_to(&newer).unwrap();
        Connection::open(&newer)
            .unwrap()
            .execute_batch(&format!("PRAGMA user_version = {}", latest_version() + 1))
            .unwrap();
        let text = dir.path().join("notes.db");
        std::fs::write(&text, "not a database at all").unwrap();
        for (file, expected) in [
            (&foreign, "NotWardKpi"),
            (&newer, "TooNew"),
            (&text, "NotWardKpi"),
            (&path, "RestoreItself"),
        ] {
            let error = store.restore_from(file, Origin::Cli).unwrap_err();
            assert!(format!("{error:?}").starts_with(expected), "{error:?}");
        }
        assert!(store.backups_beside().unwrap().is_empty(), "nothing kept");
        assert!(store.restores().unwrap().is_empty());
    }
}
