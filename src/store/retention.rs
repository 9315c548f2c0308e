//! The copies made without asking: before every import, lock, unlock and restore, and once a
//! day on first start; and which of them are kept (the last [`KEEP_LAST`], plus the first of
//! each month). Copies made by hand are the user's and never removed.

use std::path::PathBuf;

use super::{BackupInfo, Result, Store, StoreError};

/// How many of the latest automatic copies are kept.
pub const KEEP_LAST: usize = 20;

/// Why a copy was made, as its name says (`manual` for a copy asked for).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupReason {
    Manual,
    Daily,
    Import,
    Lock,
    Unlock,
    Restore,
}

impl BackupReason {
    /// The word in the copy's name.
    pub fn code(self) -> &'static str {
        match self {
            Self::Manual => "manual",
            Self::Daily => "daily",
            Self::Import => "before-import",
            Self::Lock => "before-lock",
            Self::Unlock => "before-unlock",
            Self::Restore => "before-restore",
        }
    }

    /// The reason in words: "trước khi nhập".
    pub fn name(self, lang: crate::domain::Lang) -> String {
        rust_i18n::t!(
            format!("backup.reason.{}", self.code()),
            locale = lang.code()
        )
        .into_owned()
    }

    /// The reason from the word in a copy's name.
    pub fn from_code(code: &str) -> Option<Self> {
        [
            Self::Manual,
            Self::Daily,
            Self::Import,
            Self::Lock,
            Self::Unlock,
            Self::Restore,
        ]
        .into_iter()
        .find(|r| r.code() == code)
    }
}

impl Store {
    /// A copy in the backups folder made before `reason`'s step, then the automatic copies
    /// thinned to those kept. Returns the copy's path.
    pub fn backup_before(&self, reason: BackupReason) -> Result<PathBuf> {
        let path = self.backup_beside(reason.code())?;
        if reason != BackupReason::Manual {
            self.prune_backups()?;
        }
        Ok(path)
    }

    /// The day's copy, made on the first start of the day (a file opened only for reading, or
    /// a day that has a copy already, gets none). Returns the copy's path, if one was made.
    pub fn daily_backup(&self) -> Result<Option<PathBuf>> {
        if self.read_only {
            return Ok(None);
        }
        let today = jiff::Zoned::now().date();
        if self.backups_beside()?.iter().any(|b| b.at.date() == today) {
            return Ok(None);
        }
        self.backup_before(BackupReason::Daily).map(Some)
    }

    /// Removes the automatic copies not kept: of those, the newest [`KEEP_LAST`] stay, and the
    /// first of each month.
    pub fn prune_backups(&self) -> Result<usize> {
        let doomed = doomed(self.backups_beside()?);
        for backup in &doomed {
            std::fs::remove_file(&backup.path).map_err(|source| StoreError::Io {
                path: backup.path.clone(),
                source,
            })?;
        }
        Ok(doomed.len())
    }
}

/// The automatic copies that are not kept, from a list newest first.
fn doomed(backups: Vec<BackupInfo>) -> Vec<BackupInfo> {
    let mut automatic: Vec<BackupInfo> = backups
        .into_iter()
        .filter(|b| b.reason != BackupReason::Manual.code())
        .collect();
    // Oldest first: the first seen of a month is its first.
    automatic.reverse();
    let mut months = std::collections::HashSet::new();
    let keep_from = automatic.len().saturating_sub(KEEP_LAST);
    automatic
        .into_iter()
        .enumerate()
        .filter_map(|(index, backup)| {
            let first_of_month = months.insert((backup.at.year(), backup.at.month()));
            (index < keep_from && !first_of_month).then_some(backup)
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn info(at: &str, reason: &str) -> BackupInfo {
        BackupInfo {
            path: PathBuf::from(format!("{at}-{reason}.db")),
            at: at.parse().unwrap(),
            reason: reason.to_owned(),
            size: 1,
            figures: Some(1),
        }
    }

    #[test]
    fn the_last_twenty_and_the_first_of_each_month_are_kept() {
        // 40 daily copies from 1 October, newest first as listed, and two made by hand.
        let start: jiff::civil::DateTime = "2026-10-01T09:00:00".parse().unwrap();
        let mut list: Vec<BackupInfo> = (0..40)
            .map(|d| {
                let at = start.checked_add(jiff::Span::new().days(d)).unwrap();
                info(&at.to_string(), "daily")
            })
            .collect();
        list.push(info("2026-09-15T10:00:00", "manual"));
        list.push(info("2026-10-02T10:00:00", "manual"));
        list.sort_by_key(|b| std::cmp::Reverse(b.at));
        let doomed = doomed(list.clone());
        let doomed_days: Vec<String> = doomed.iter().map(|b| b.at.date().to_string()).collect();
        // Kept: 1 October (first of its month), 1 November (first of its month and among the last
        // 20: 21 October to 9 November). Removed: 2–20 October.
        assert_eq!(doomed.len(), 19, "{doomed_days:?}");
        assert_eq!(doomed_days.first().map(String::as_str), Some("2026-10-02"));
        assert_eq!(doomed_days.last().map(String::as_str), Some("2026-10-20"));
        assert!(doomed.iter().all(|b| b.reason == "daily"));
        // Twenty or fewer: nothing goes.
        assert!(super::doomed(list.into_iter().take(20).collect()).is_empty());
    }

    #[test]
    fn the_day_has_one_copy_and_a_step_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::demo::create_demo(&dir.path().join("ward.db")).unwrap();
        let first = store.daily_backup().unwrap();
        assert!(first.is_some());
        assert_eq!(store.daily_backup().unwrap(), None, "one a day");
        let before_lock = store.backup_before(BackupReason::Lock).unwrap();
        assert!(
            before_lock
                .file_name()
                .unwrap()
                .to_string_lossy()
                .ends_with("-before-lock.db"),
            "{}",
            before_lock.display()
        );
        assert_eq!(store.backups_beside().unwrap().len(), 2);
    }
}
