//! What can go wrong with the database file, each case naming the file so the message says what
//! and where.

use std::path::PathBuf;

use crate::domain::{Lang, Lock, LockPart};

/// A failure of the store. Every variant that concerns the file names it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: no such database file (make a new one with `ward-kpi --db {} init`, or `demo` for the demo data)", path.display(), path.display())]
    NotFound { path: PathBuf },
    #[error("{}: this is a folder, not a database file", path.display())]
    IsFolder { path: PathBuf },
    #[error("{}: not a ward-kpi database ({detail}); the file was left untouched", path.display())]
    NotWardKpi { path: PathBuf, detail: String },
    #[error(
        "{}: written by a newer ward-kpi (schema version {found}; this program knows up to {known}); the file was left untouched",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{}: the database is damaged ({detail}); nothing was changed", path.display())]
    Corrupt { path: PathBuf, detail: String },
    #[error("{}: the file is read-only; nothing was saved", path.display())]
    ReadOnly { path: PathBuf },
    #[error("{}: the database is busy in another program; nothing was saved, try again", path.display())]
    Busy { path: PathBuf },
    /// The disk (or SQLite's size limit) ran out mid-write: the transaction was rolled back.
    #[error("{}: the disk is full; nothing was saved: free some space and try again", path.display())]
    Full { path: PathBuf },
    /// A file to be written (a backup) whose folder does not exist: nothing was written.
    #[error("{} cannot be written: the folder {} does not exist", path.display(), folder.display())]
    NoFolder { path: PathBuf, folder: PathBuf },
    #[error("{}: the file already exists; choose another name", path.display())]
    AlreadyExists { path: PathBuf },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{}: stored {what} '{text}' cannot be read", path.display())]
    BadStoredValue {
        path: PathBuf,
        what: &'static str,
        text: String,
    },
    #[error("{}: this is the database itself; choose a copy to restore from", path.display())]
    RestoreItself { path: PathBuf },
    #[error("a lock or an unlock needs a reason (--reason \"…\")")]
    NoReason,
    #[error("already locked: {}, since {}", .0.scope(Lang::En), .0.locked.day())]
    AlreadyLocked(Box<Lock>),
    #[error(
        "nothing to unlock: no lock of {} alone{}",
        crate::domain::lock::scope(unit.as_deref(), *year, *part, Lang::En),
        held_by.as_ref().map_or_else(
            || " (see `ward-kpi locks`)".to_owned(),
            |lock| format!("; it is held by the lock on {}: unlock that", lock.scope(Lang::En))
        )
    )]
    NotLocked {
        /// The unit's name; `None`: every unit.
        unit: Option<String>,
        year: i16,
        part: LockPart,
        /// A wider lock that holds it (the whole year, every unit), if any.
        held_by: Option<Box<Lock>>,
    },
    #[error("no indicator with code '{0}' (see `ward-kpi indicators`)")]
    UnknownIndicator(String),
    #[error("no administrative unit with code '{code}' in {year}")]
    UnknownUnit { code: String, year: i16 },
    #[error("no ward with code '{0}' in this database (see `ward-kpi units`)")]
    NotAWard(String),
    #[error("indicator '{0}' already exists")]
    DuplicateIndicator(String),
    #[error("indicator '{0}' holds data: archive it instead of deleting it")]
    IndicatorHasData(String),
    #[error("an indicator's alias cannot be empty")]
    EmptyAlias,
    #[error(
        "'{alias}' cannot be an alias of '{indicator}': it is the name of indicator '{holder}'"
    )]
    AliasIsName {
        alias: String,
        indicator: String,
        holder: String,
    },
    #[error(
        "'{alias}' cannot be an alias of '{indicator}': it is already an alias of indicator '{holder}'"
    )]
    AliasTaken {
        alias: String,
        indicator: String,
        holder: String,
    },
    #[error("no indicator has the alias '{0}' (see `ward-kpi indicators --aliases`)")]
    UnknownAlias(String),
    #[error(
        "'{name}' cannot name '{indicator}': it is an alias of indicator '{holder}' (remove that alias first)"
    )]
    NameIsAlias {
        name: String,
        indicator: String,
        holder: String,
    },
    #[error(transparent)]
    Indicator(#[from] crate::domain::indicator::IndicatorError),
    #[error(transparent)]
    Letterhead(#[from] crate::domain::letterhead::LetterheadError),
}

impl StoreError {
    /// Classifies an SQLite error on `path`: a damaged, foreign, read-only, busy or full file gets
    /// its own message; the rest keep SQLite's words.
    pub(crate) fn from_sqlite(path: &std::path::Path, source: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        let path = path.to_path_buf();
        match source.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => Self::NotWardKpi {
                path,
                detail: "not an SQLite database".into(),
            },
            Some(ErrorCode::DatabaseCorrupt) => Self::Corrupt {
                path,
                detail: source.to_string(),
            },
            Some(ErrorCode::ReadOnly) => Self::ReadOnly { path },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Busy { path },
            Some(ErrorCode::DiskFull) => Self::Full { path },
            _ => Self::Sqlite { path, source },
        }
    }
}
