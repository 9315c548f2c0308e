//! Where both faces start: the database named (`--db`, or the file the window remembers), else
//! the default one in the user's data folder, made with the demo data on first start; and the
//! ward to show when none is named, the database's home ward. The command line and the window
//! call the same functions, so both find the same file and say the same when something is
//! missing.

use std::path::PathBuf;

use crate::store::{Store, StoreError};

/// Why a face cannot start on a database.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot find the user's data folder; name a database with --db FILE")]
    NoDataFolder,
    #[error(
        "{}: no home ward chosen yet; choose it with `ward-kpi home-ward CODE` (the codes: `ward-kpi units`) or in the window's settings, or name a ward with --ward CODE",
        path.display()
    )]
    NoHomeWard { path: PathBuf },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Opens the named database, or the default one, creating the default with the demo data on
/// first start.
pub fn open(db: Option<PathBuf>) -> Result<Store, StartupError> {
    match db {
        Some(path) => Ok(Store::open(&path)?),
        None => open_default(),
    }
}

/// The default database in the user's data folder, made with the demo data when missing.
pub fn open_default() -> Result<Store, StartupError> {
    let path = default_db_path()?;
    if path.exists() {
        return Ok(Store::open(&path)?);
    }
    Ok(crate::demo::create_demo(&path)?)
}

/// Where the default database lives: the operating system's data folder for applications.
pub fn default_db_path() -> Result<PathBuf, StartupError> {
    let dirs = directories::ProjectDirs::from("vn", "ward-kpi", "ward-kpi")
        .ok_or(StartupError::NoDataFolder)?;
    Ok(dirs.data_dir().join("ward-kpi.db"))
}

/// The code of the ward shown when none is named: the database's home ward, or an error saying
/// how to choose one.
pub fn home_ward(store: &Store) -> Result<String, StartupError> {
    store
        .home_ward_code()?
        .ok_or_else(|| StartupError::NoHomeWard {
            path: store.path().to_path_buf(),
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_has_no_home_ward_until_one_is_chosen() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::seed::create(&dir.path().join("new.db")).unwrap();
        let error = home_ward(&store).unwrap_err();
        assert!(matches!(error, StartupError::NoHomeWard { .. }), "{error}");
        assert!(error.to_string().contains("ward-kpi home-ward"), "{error}");
        store.set_home_ward("03127").unwrap();
        assert_eq!(home_ward(&store).unwrap(), "03127");
    }

    #[test]
    fn a_missing_named_database_is_not_created() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing.db");
        let error = open(Some(path.clone())).unwrap_err();
        assert!(
            matches!(error, StartupError::Store(StoreError::NotFound { .. })),
            "{error}"
        );
        assert!(!path.exists());
    }
}
