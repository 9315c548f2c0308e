//! A file the user asked to be written (an export, a backup): the folder it needs. Both write
//! a temporary file beside the target first; they check the folder before, so that a missing
//! one is said naming the file asked for and the folder, never the temporary name.

use std::path::{Path, PathBuf};

/// The folder `path` would be written in, when it does not exist (or is not a folder).
pub fn missing_folder(path: &Path) -> Option<PathBuf> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty())?;
    (!folder.is_dir()).then(|| folder.to_path_buf())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_or_false_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(missing_folder(&dir.path().join("x.xlsx")), None);
        assert_eq!(
            missing_folder(Path::new("x.xlsx")),
            None,
            "the current folder"
        );
        let nowhere = dir.path().join("nodir");
        assert_eq!(missing_folder(&nowhere.join("x.xlsx")), Some(nowhere));
        let file = dir.path().join("file");
        std::fs::write(&file, b"").unwrap();
        assert_eq!(missing_folder(&file.join("x.xlsx")), Some(file));
    }
}
