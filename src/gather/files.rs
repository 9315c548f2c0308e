//! The files a gathering reads: folders opened to the ward files in them, each file's SHA-256,
//! and what kind of file it is.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

use super::GatherError;
use crate::store::SubmissionFormat;

/// File name endings read in a folder (a ward database is known by its first bytes too).
const READ: [&str; 7] = ["csv", "db", "docx", "sqlite", "sqlite3", "wkpi", "xlsx"];

/// The files named and the ward files in the folders named, each once, in name order within a
/// folder. The province's own database (`own`) and SQLite's companion files are left out.
pub fn list(paths: &[PathBuf], own: &Path) -> Result<Vec<PathBuf>, GatherError> {
    let own = std::fs::canonicalize(own).unwrap_or_else(|_| own.to_path_buf());
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| GatherError::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            let entries = std::fs::read_dir(path).map_err(|source| GatherError::Io {
                path: path.clone(),
                source,
            })?;
            for entry in entries {
                let entry = entry.map_err(|source| GatherError::Io {
                    path: path.clone(),
                    source,
                })?;
                let file = entry.path();
                if file.is_file() && is_ward_file(&file) {
                    found.push(file);
                }
            }
            if found.is_empty() {
                return Err(GatherError::NoFiles { path: path.clone() });
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    files.retain(|f| std::fs::canonicalize(f).map_or(true, |f| f != own));
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    Ok(files)
}

/// Whether a file in a folder is one to read: not hidden, not SQLite's companion, a known
/// ending or an SQLite database.
fn is_ward_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.starts_with('.') || name.starts_with("~$") {
        return false;
    }
    if ["-wal", "-shm", "-journal"]
        .iter()
        .any(|s| name.ends_with(s))
    {
        return false;
    }
    let ending = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    READ.contains(&ending.as_str()) || is_sqlite(path)
}

/// Whether the file begins as an SQLite database.
pub fn is_sqlite(path: &Path) -> bool {
    let mut header = [0_u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok_and(|()| &header == b"SQLite format 3\0")
}

/// What the file is, from its first bytes and its name's ending: `None` for a file this
/// program does not read. A workbook is this program's own when it has its "Số liệu" sheet
/// layout; an annex otherwise (told by the import's reading, see [`super`]).
pub fn format(path: &Path) -> Option<SubmissionFormat> {
    if is_sqlite(path) {
        return Some(SubmissionFormat::Database);
    }
    let ending = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ending.as_str() {
        "csv" => Some(SubmissionFormat::Csv),
        "xlsx" => Some(SubmissionFormat::Workbook),
        "docx" => Some(SubmissionFormat::Annex),
        _ => None,
    }
}

/// The file's SHA-256, in lowercase hex.
pub fn sha256(path: &Path) -> Result<String, GatherError> {
    let io = |source| GatherError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0_u8; 1 << 16];
    loop {
        let read = file.read(&mut buffer).map_err(io)?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// A file's name, for messages and the submission's record.
pub fn name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
