//! The SQLite file: opening it safely, its schema, and every read and write of units, the
//! catalogue, plans, figures and the change log. It knows the domain, never the window.
//!
//! Safety rules kept here: a file is identified (SQLite header, `application_id`, schema
//! version) before anything is written to it; every save is one transaction; the journal is
//! WAL, so a writer killed mid-save leaves the last committed state whole.

mod aliases;
mod backup;
mod catalogue;
mod consolidate;
mod entries;
mod error;
mod handout;
mod history;
mod letterhead;
mod locks;
mod restore;
mod retention;
mod save;
mod saves;
mod schema;
pub mod seed;
mod submissions;
mod units;
mod ward_file;
mod ward_reports;
mod ward_years;
mod write;

use std::io::Read as _;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use backup::BackupInfo;
pub use catalogue::CatalogueMerge;
pub use error::StoreError;
pub use history::{ChangeEntry, origin_name as history_origin_name};
pub use locks::StoredLock;
pub use restore::{RestoreRecord, Restored};
pub use retention::{BackupReason, KEEP_LAST};
pub use saves::{SaveChange, SaveEntry, SaveFilter};
pub use schema::{APPLICATION_ID, latest_version};
pub use submissions::{NewSubmission, StoredSlot, Submission, SubmissionFormat};
pub use ward_file::{WardFile, WardFileSlot, WardFileValue, WardFileYear, read_ward_file};
pub use write::{Batch, FigureWrite, Origin, PlanWrite, SaveSummary};

/// Result of a store operation.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The row id of an administrative unit for one validity period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitId(pub i64);

/// The row id of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IndicatorId(pub i64);

/// An open ward-kpi database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish_non_exhaustive()
    }
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens an existing ward-kpi database, upgrading its schema if it is older. A file that is
    /// missing, foreign, newer or damaged is refused with its name, and left as it was. A
    /// read-only file opens for reading.
    pub fn open(path: &Path) -> Result<Self> {
        let meta = check_file(path)?;
        let read_only = meta.permissions().readonly();
        match Self::connect(path, read_only, false) {
            // A WAL database in a folder this user cannot write to (a read-only share, a CD)
            // cannot get its `-shm` file there: it is opened as an unchanging file instead,
            // for reading only.
            Err(StoreError::Sqlite { source, .. })
                if source.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen) =>
            {
                Self::connect_immutable(path)
            }
            other => other,
        }
    }

    /// Opens a file that nothing may change, not even SQLite's companion files: read-only,
    /// without locks (SQLite's `immutable` URI parameter).
    fn connect_immutable(path: &Path) -> Result<Self> {
        let err = |e| StoreError::from_sqlite(path, e);
        let absolute = std::path::absolute(path).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let uri = format!("file:{}?immutable=1", uri_path(&absolute));
        let conn = Connection::open_with_flags(
            &uri,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(err)?;
        conn.set_prepared_statement_cache_capacity(32);
        let store = Self {
            conn,
            path: path.to_path_buf(),
            read_only: true,
        };
        store.identify(false)?;
        Ok(store)
    }

    /// Creates a new, empty ward-kpi database (schema only) at `path`. An existing file is
    /// refused unless it is empty.
    pub fn create(path: &Path) -> Result<Self> {
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.is_dir() {
                return Err(StoreError::IsFolder {
                    path: path.to_path_buf(),
                });
            }
            if meta.len() > 0 {
                return Err(StoreError::AlreadyExists {
                    path: path.to_path_buf(),
                });
            }
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        Self::connect(path, false, true)
    }

    /// Creates a new database at `path` filled by `fill`, all or nothing: it is built under a
    /// temporary name beside `path` and renamed into place only once `fill` succeeded, so a
    /// crash or an error never leaves a half-made database where the app looks for one.
    pub fn create_with(path: &Path, fill: impl FnOnce(&mut Self) -> Result<()>) -> Result<Self> {
        if std::fs::metadata(path).is_ok_and(|m| m.is_dir() || m.len() > 0) {
            return Err(if path.is_dir() {
                StoreError::IsFolder {
                    path: path.to_path_buf(),
                }
            } else {
                StoreError::AlreadyExists {
                    path: path.to_path_buf(),
                }
            });
        }
        let name = path.file_name().map_or_else(
            || "ward-kpi.db".into(),
            |n| n.to_string_lossy().into_owned(),
        );
        let temp = path.with_file_name(format!(".{name}.part-{}", std::process::id()));
        remove_database_files(&temp);
        let filled = Self::create(&temp).and_then(|mut store| fill(&mut store));
        // Closing the connection checkpoints the WAL into the file, so one file is renamed.
        if let Err(error) = filled {
            remove_database_files(&temp);
            return Err(error);
        }
        std::fs::rename(&temp, path).map_err(|source| {
            remove_database_files(&temp);
            StoreError::Io {
                path: path.to_path_buf(),
                source,
            }
        })?;
        Self::open(path)
    }

    fn connect(path: &Path, read_only: bool, new: bool) -> Result<Self> {
        let flags = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else if new {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let err = |e| StoreError::from_sqlite(path, e);
        let conn = Connection::open_with_flags(path, flags).map_err(err)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(err)?;
        // Room for every statement a save, a report and the views reuse.
        conn.set_prepared_statement_cache_capacity(32);
        let mut store = Self {
            conn,
            path: path.to_path_buf(),
            read_only,
        };
        store.identify(new)?;
        // A province's report reads every ward's year: 64 MB of pages kept between reads
        // (SQLite's default is 2 MB), and the file mapped rather than copied page by page.
        store
            .conn
            .execute_batch("PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824;")
            .map_err(err)?;
        if !read_only {
            store
                .conn
                .execute_batch(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                )
                .map_err(err)?;
            store.migrate()?;
        } else {
            store
                .conn
                .execute_batch("PRAGMA foreign_keys = ON;")
                .map_err(err)?;
        }
        Ok(store)
    }

    /// Reads who wrote the file and which schema it has, writing nothing.
    fn identify(&self, new: bool) -> Result<()> {
        let app_id: i64 = self.pragma("application_id")?;
        let version: i64 = self.pragma("user_version")?;
        let objects: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(|e| self.sql(e))?;
        if app_id == 0 && objects == 0 && version == 0 {
            return if new {
                Ok(())
            } else {
                Err(StoreError::NotWardKpi {
                    path: self.path.clone(),
                    detail: "an empty SQLite database".into(),
                })
            };
        }
        if app_id != APPLICATION_ID {
            return Err(StoreError::NotWardKpi {
                path: self.path.clone(),
                detail: format!("an SQLite database of another program, {objects} objects"),
            });
        }
        if version > latest_version() {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found: version,
                known: latest_version(),
            });
        }
        Ok(())
    }

    fn pragma(&self, name: &str) -> Result<i64> {
        self.conn
            .query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
            .map_err(|e| self.sql(e))
    }

    /// Runs the migrations the file has not had yet, all in one transaction.
    fn migrate(&mut self) -> Result<()> {
        let version = self.pragma("user_version")?;
        if version >= latest_version() {
            return Ok(());
        }
        let path = self.path.clone();
        let err = |e| StoreError::from_sqlite(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        for (index, sql) in schema::MIGRATIONS.iter().enumerate() {
            if i64::try_from(index).unwrap_or(i64::MAX) >= version {
                tx.execute_batch(sql).map_err(err)?;
            }
        }
        tx.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {};",
            latest_version()
        ))
        .map_err(err)?;
        tx.commit().map_err(err)
    }

    /// The file this store reads and writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when the file could only be opened for reading.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// A setting stored in the database (the ward shown by default, …).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension as _;
        self.conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.sql(e))
    }

    /// Stores a setting.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.writable()?;
        self.conn
            .execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            .map_err(|e| self.sql(e))?;
        Ok(())
    }

    /// Runs `read` in one read transaction: every query in it sees the file as it was when the
    /// first one ran, and the file is locked once rather than once per query (an import's
    /// preview reads thousands of ward-years). Within a write transaction it simply runs.
    pub fn snapshot<T, E: From<StoreError>>(
        &self,
        read: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if !self.conn.is_autocommit() {
            return read();
        }
        let tx = self.conn.unchecked_transaction().map_err(|e| self.sql(e))?;
        let result = read()?;
        // Nothing was written: ending the transaction only releases the snapshot.
        tx.commit().map_err(|e| self.sql(e))?;
        Ok(result)
    }

    /// Checks the whole file for damage (slow on large files: for explicit checks and tests).
    pub fn check_integrity(&self) -> Result<()> {
        let verdict: String = self
            .conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| self.sql(e))?;
        if verdict == "ok" {
            Ok(())
        } else {
            Err(StoreError::Corrupt {
                path: self.path.clone(),
                // SQLite lists the damage a line each: the message stays one line.
                detail: verdict.lines().collect::<Vec<_>>().join("; "),
            })
        }
    }

    fn writable(&self) -> Result<()> {
        if self.read_only {
            Err(StoreError::ReadOnly {
                path: self.path.clone(),
            })
        } else {
            Ok(())
        }
    }

    fn sql(&self, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(&self.path, e)
    }
}

/// A path as an SQLite URI writes it: `%`, `?` and `#` escaped (a folder may be named "Báo cáo
/// #2"), letters kept as they are. A network path (`\\server\share\x.db` on Windows) keeps
/// its two leading slashes after the URI's empty authority (`file:////server/share/x.db`):
/// `file://server/…` would name "server" as the authority, which SQLite refuses.
fn uri_path(path: &Path) -> String {
    let mut text = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => text.push_str("%25"),
            '?' => text.push_str("%3F"),
            '#' => text.push_str("%23"),
            '\\' => text.push('/'),
            c => text.push(c),
        }
    }
    if text.starts_with("//") {
        text.insert_str(0, "//");
    }
    text
}

/// The metadata of an existing database file, once it is known to be a file (not missing, not a
/// folder, not empty) that begins as an SQLite database; each case refused with its name,
/// before SQLite touches the file.
pub(super) fn check_file(path: &Path) -> Result<std::fs::Metadata> {
    let meta = std::fs::metadata(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound {
            path: path.to_path_buf(),
        },
        _ => StoreError::Io {
            path: path.to_path_buf(),
            source,
        },
    })?;
    if meta.is_dir() {
        return Err(StoreError::IsFolder {
            path: path.to_path_buf(),
        });
    }
    if meta.len() == 0 {
        return Err(StoreError::NotWardKpi {
            path: path.to_path_buf(),
            detail: "the file is empty".into(),
        });
    }
    check_header(path)?;
    Ok(meta)
}

/// Refuses a file that does not begin as an SQLite database, before SQLite touches it.
fn check_header(path: &Path) -> Result<()> {
    let mut header = [0_u8; 16];
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let read = file.read(&mut header).map_err(io)?;
    if read < header.len() || &header != SQLITE_HEADER {
        return Err(StoreError::NotWardKpi {
            path: path.to_path_buf(),
            detail: "not an SQLite database".into(),
        });
    }
    Ok(())
}

/// Removes a database file and its WAL companions, if present. Used on a temporary file only.
fn remove_database_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        // A file that is not there is what we want; any other failure leaves a stray
        // temporary file, which never holds the user's data.
        if let Err(e) = std::fs::remove_file(&file)
            && e.kind() != std::io::ErrorKind::NotFound
        {
            eprintln!(
                "ward-kpi: could not remove {}: {e}",
                Path::new(&file).display()
            );
        }
    }
}

/// The user name the change log records: the operating system's login, from the environment,
/// else (a service, a cron job, a container) the account the process runs as.
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .or_else(account_name)
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The name of the account the process runs as, from the password file.
#[cfg(unix)]
fn account_name() -> Option<String> {
    use std::os::unix::fs::MetadataExt as _;
    // The owner of this process's own /proc entry is the user it runs as.
    let uid = std::fs::metadata("/proc/self").ok()?.uid();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd_name(&passwd, uid)
}

#[cfg(not(unix))]
fn account_name() -> Option<String> {
    None
}

/// The name of `uid` in the text of a password file ("name:x:uid:gid:…" per line).
#[cfg_attr(not(unix), allow(dead_code))]
fn passwd_name(passwd: &str, uid: u32) -> Option<String> {
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let id: u32 = fields.nth(1)?.parse().ok()?;
        (id == uid && !name.is_empty()).then(|| name.to_owned())
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_named_from_the_password_file() {
        let passwd = "root:x:0:0:root:/root:/bin/bash\n\
                      # a comment\n\
                      nguyenvana:x:1000:1000:Nguyễn Văn A:/home/nguyenvana:/bin/bash\n";
        assert_eq!(passwd_name(passwd, 1000).as_deref(), Some("nguyenvana"));
        assert_eq!(passwd_name(passwd, 0).as_deref(), Some("root"));
        assert_eq!(passwd_name(passwd, 42), None);
    }

    #[test]
    fn uri_paths_escape_what_a_uri_reserves_and_keep_network_paths() {
        assert_eq!(
            uri_path(Path::new("/tmp/Báo cáo #2/dữ liệu?.db")),
            "/tmp/Báo cáo %232/dữ liệu%3F.db"
        );
        assert_eq!(uri_path(Path::new("/a/100%.db")), "/a/100%25.db");
        // \\server\share on Windows, //server/share here: the authority stays empty.
        assert_eq!(
            uri_path(Path::new("//server/share/x.db")),
            "////server/share/x.db"
        );
    }

    #[test]
    fn a_ward_file_named_by_a_path_with_two_leading_slashes_opens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("phường.db");
        crate::demo::create_demo(&path).unwrap();
        let doubled = PathBuf::from(format!("/{}", path.display()));
        assert!(doubled.starts_with("//"));
        let file = ward_file::read_ward_file(&doubled).unwrap();
        assert!(!file.ward_years.is_empty());
    }
}
