//! `ward-kpi home-ward`: the ward a database keeps, which every command uses without --ward.
//! Without a code it says which one it is (or that none is chosen yet, as in a new database);
//! with a code it chooses it.

use clap::Args;

use crate::domain::Lang;
use crate::store::Store;

/// Arguments of `ward-kpi home-ward`.
#[derive(Debug, Args)]
pub struct HomeWardArgs {
    /// The statistics code of the ward to choose (the codes: `ward-kpi units`).
    pub code: Option<String>,
}

pub fn run(store: &Store, args: &HomeWardArgs, lang: Lang) -> anyhow::Result<()> {
    if let Some(code) = &args.code {
        store.set_home_ward(code.trim())?;
    }
    let Some(code) = store.home_ward_code()? else {
        super::print_line(&rust_i18n::t!("cli.home_ward.choose", locale = lang.code()));
        return Ok(());
    };
    // A code names a ward through its periods (before and after a merger): the newest name.
    let name = store
        .units()?
        .into_iter()
        .filter(|(_, u)| u.code == code)
        .max_by_key(|(_, u)| u.valid_from)
        .map_or_else(String::new, |(_, u)| u.name);
    super::print_line(&rust_i18n::t!(
        "cli.home_ward.shown",
        locale = lang.code(),
        name = name,
        code = code
    ));
    Ok(())
}
