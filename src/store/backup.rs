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
        if let Some(folder) = crate::target::missing_folder(dest) {
            return Err(StoreError::NoFolder {
                path: dest.to_path_buf(),
                folder,
            });
        }
        let part = part_path(dest);
        let written = self.copy_to(&part).and_then(|()| verify(&part));
        if let Err(error) = written {
            remove_part(&part)?;
            return Err(self.blame(error, &part, dest));
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

    /// A failed copy's error as the user should read it. A copy that reads as damaged was
    /// copied page by page from a damaged database: the database is named, not the copy. Any
    /// other error names the copy asked for, never its temporary name.
    fn blame(&self, error: StoreError, part: &Path, dest: &Path) -> StoreError {
        if matches!(error, StoreError::Corrupt { .. })
            && let Err(source) = self.check_integrity()
        {
            return source;
        }
        let point = |path: PathBuf| {
            if path == part {
                dest.to_path_buf()
            } else {
                path
            }
        };
        match error {
            StoreError::Corrupt { path, detail } => StoreError::Corrupt {
                path: point(path),
                detail,
            },
            StoreError::ReadOnly { path } => StoreError::ReadOnly { path: point(path) },
            StoreError::Full { path } => StoreError::Full { path: point(path) },
            StoreError::Io { path, source } => StoreError::Io {
                path: point(path),
                source,
            },
            StoreError::Sqlite { path, source } => StoreError::Sqlite {
                path: point(path),
                source,
            },
            other => other,
        }
    }

    /// Writes a verified copy into the `backups` folder beside the database, named by the
    /// database, the local date and time, and `reason` ("ward-2026-11-30-141503-manual.db");
    /// the folder is made when missing. Returns the copy's path.
    pub fn backup_beside(&self, reason: &str) -> Result<PathBuf> {
        let folder = self
            .path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."))
            .join("backups");
        std::fs::create_dir_all(&folder).map_err(|source| StoreError::Io {
            path: folder.clone(),
            source,
        })?;
        let stem = self
            .path
            .file_stem()
            .map_or_else(|| "ward-kpi".into(), |s| s.to_string_lossy());
        let at = jiff::Zoned::now().strftime("%Y-%m-%d-%H%M%S").to_string();
        let mut dest = folder.join(format!("{stem}-{at}-{reason}.db"));
        // Two copies in one second get a number rather than a refusal.
        let mut n = 1;
        while std::fs::symlink_metadata(&dest).is_ok() {
            n += 1;
            dest = folder.join(format!("{stem}-{at}-{reason}-{n}.db"));
        }
        self.backup_to(&dest)?;
        Ok(dest)
    }

    /// The copies in the `backups` folder beside the database, newest first: each one's file,
    /// when and why it was made (from its name), its size and how many figures it holds (a
    /// copy that does not open says so: `None`).
    pub fn backups_beside(&self) -> Result<Vec<BackupInfo>> {
        let folder = self
            .path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."))
            .join("backups");
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(StoreError::Io {
                    path: folder,
                    source,
                });
            }
        };
        let stem = self
            .path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let mut list = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some((at, reason)) = name
                .strip_suffix(".db")
                .and_then(|n| n.strip_prefix(&stem))
                .and_then(|n| n.strip_prefix('-'))
                .and_then(parse_name)
            else {
                continue;
            };
            let size = entry.metadata().map_or(0, |m| m.len());
            let figures = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY)
                .and_then(|c| c.query_row("SELECT count(*) FROM figure", [], |r| r.get(0)))
                .ok();
            list.push(BackupInfo {
                path,
                at,
                reason,
                size,
                figures,
            });
        }
        list.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.path.cmp(&a.path)));
        Ok(list)
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
        // A copy is one file: not in WAL mode, which would give it companion files.
        target
            .query_row("PRAGMA journal_mode = DELETE", [], |r| {
                r.get::<_, String>(0)
            })
            .map_err(err)?;
        target.close().map_err(|(_, e)| err(e))
    }
}

/// A copy in the backups folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupInfo {
    pub path: PathBuf,
    /// When it was made, as its name says (local time).
    pub at: jiff::civil::DateTime,
    /// Why: "manual", or the step it was made before.
    pub reason: String,
    pub size: u64,
    /// How many figures it holds; `None` when it does not open as a database.
    pub figures: Option<i64>,
}

/// "2026-11-30-141503-manual" (or "…-manual-2"): when, and why.
fn parse_name(name: &str) -> Option<(jiff::civil::DateTime, String)> {
    let stamp = name.get(..17)?;
    let at = jiff::civil::DateTime::strptime("%Y-%m-%d-%H%M%S", stamp).ok()?;
    let reason = name.get(17..)?.strip_prefix('-')?;
    let reason = match reason.rsplit_once('-') {
        Some((head, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => head,
        _ => reason,
    };
    (!reason.is_empty()).then(|| (at, reason.to_owned()))
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
        let copies: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|f| f.file_name().to_string_lossy().starts_with("copy.db"))
            .collect();
        assert_eq!(copies.len(), 1, "a copy is one file: {copies:?}");
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
        // Beside the database, in its backups folder, one name per copy.
        let first = store.backup_beside("manual").unwrap();
        let second = store.backup_beside("manual").unwrap();
        assert_ne!(first, second);
        assert_eq!(first.parent(), Some(dir.path().join("backups").as_path()));
        assert!(Store::open(&second).is_ok());
        let listed = store.backups_beside().unwrap();
        assert_eq!(listed.len(), 2, "{listed:?}");
        assert!(
            listed
                .iter()
                .all(|b| b.reason == "manual" && b.figures.is_some())
        );
        assert!(listed.iter().any(|b| b.path == first));
        // A copy that cannot be written (no such folder) leaves nothing behind.
        let nowhere = dir.path().join("no-folder").join("copy.db");
        assert!(store.backup_to(&nowhere).is_err());
        assert!(!nowhere.exists() && !part_path(&nowhere).exists());
    }

    #[test]
    fn a_copys_name_says_when_and_why() {
        let (at, reason) = parse_name("2026-11-30-141503-before-import-2").unwrap();
        assert_eq!(at.to_string(), "2026-11-30T14:15:03");
        assert_eq!(reason, "before-import");
        assert_eq!(parse_name("2026-11-30-141503").map(|(_, r)| r), None);
        assert_eq!(parse_name("notes").map(|(_, r)| r), None);
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
