//! `ward-kpi backup [-o FILE]`: a verified copy of the database, by default into the `backups`
//! folder beside it, named by date and time; `ward-kpi backups`: the copies there.

use std::path::PathBuf;

use clap::Args;

use super::table::{Align, Table};
use crate::domain::Lang;
use crate::domain::number::{self, NumberStyle};
use crate::store::{BackupReason, Origin, Store};

/// Arguments of `ward-kpi backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy (a new file) [default: backups/NAME-DATE-TIME-manual.db beside
    /// the database].
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn run(store: &Store, args: &BackupArgs, lang: Lang) -> anyhow::Result<()> {
    let path = match &args.output {
        Some(path) => {
            store.backup_to(path)?;
            path.clone()
        }
        None => store.backup_before(BackupReason::Manual)?,
    };
    super::print_line(&rust_i18n::t!(
        "cli.backup.done",
        locale = lang.code(),
        path = path.display()
    ));
    Ok(())
}

/// `ward-kpi backups`: the copies in the backups folder beside the database, newest first, one
/// line each: file, date, reason, size, figures.
pub fn list(store: &Store, lang: Lang, style: NumberStyle) -> anyhow::Result<()> {
    let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
    let backups = store.backups_beside()?;
    if backups.is_empty() {
        super::print_line(&t("cli.backup.none"));
        return Ok(());
    }
    let mut table = Table::new(vec![
        (t("cli.col.file"), Align::Left),
        (t("cli.col.date"), Align::Left),
        (t("cli.col.reason"), Align::Left),
        (t("cli.col.size"), Align::Right),
        (t("cli.col.figures"), Align::Right),
    ]);
    for backup in backups {
        let kib = usize::try_from(backup.size.div_ceil(1024)).unwrap_or(usize::MAX);
        table.row(vec![
            backup
                .path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            backup.at.strftime("%d/%m/%Y %H:%M:%S").to_string(),
            // A reason this program writes is told in the user's language; another is shown
            // as the file's name says it.
            BackupReason::from_code(&backup.reason)
                .map_or_else(|| backup.reason.clone(), |r| r.name(lang)),
            format!("{} KiB", number::format_count(kib, style)),
            backup.figures.map_or_else(
                || t("cli.backup.unreadable"),
                |n| number::format_count(usize::try_from(n).unwrap_or(0), style),
            ),
        ]);
    }
    super::print_text(&table.render());
    Ok(())
}

/// Arguments of `ward-kpi restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The copy to restore from (a ward-kpi database, e.g. one listed by `ward-kpi backups`).
    pub file: PathBuf,
}

/// `ward-kpi restore FILE`: the copy checked, the file as it is kept, then replaced whole.
pub fn restore(store: &mut Store, args: &RestoreArgs, lang: Lang) -> anyhow::Result<()> {
    let restored = store.restore_from(&args.file, Origin::Cli)?;
    super::print_line(&rust_i18n::t!(
        "cli.restore.done",
        locale = lang.code(),
        source = restored.source.display(),
        kept = restored.kept_as.display()
    ));
    Ok(())
}
