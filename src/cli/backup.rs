//! `ward-kpi backup [-o FILE]`: a verified copy of the database, by default into the `backups`
//! folder beside it, named by date and time.

use std::path::PathBuf;

use clap::Args;

use crate::domain::Lang;
use crate::store::Store;

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
        None => store.backup_beside("manual")?,
    };
    super::print_line(&rust_i18n::t!(
        "cli.backup.done",
        locale = lang.code(),
        path = path.display()
    ));
    Ok(())
}
