//! `ward-kpi alias`: the other names an indicator goes by in the tables people import ("Thu
//! NS" for Thu ngân sách), added, removed and listed. The store refuses one that is an
//! indicator's name or already another's alias, naming both.

use clap::{Args, Subcommand};

use super::table::{Align, Table};
use crate::domain::Lang;
use crate::store::{Origin, Store};

/// Arguments of `ward-kpi alias`.
#[derive(Debug, Args)]
pub struct AliasArgs {
    #[command(subcommand)]
    pub action: AliasAction,
}

/// What to do with an alias.
#[derive(Debug, Subcommand)]
pub enum AliasAction {
    /// Add another name for an indicator: `ward-kpi alias add "Thu NS" budget_revenue`.
    Add {
        /// The name as the tables write it.
        alias: String,
        /// The indicator's code (the codes: `ward-kpi indicators`).
        code: String,
    },
    /// Remove an alias, written as it was added (case and blanks aside).
    Remove {
        /// The alias to remove.
        alias: String,
    },
    /// List every alias with its indicator.
    List,
}

pub fn run(store: &Store, args: &AliasArgs, lang: Lang) -> anyhow::Result<()> {
    let locale = lang.code();
    match &args.action {
        AliasAction::Add { alias, code } => {
            let (id, indicator) = store.indicator(code.trim())?;
            store.add_alias(alias, id, Origin::Cli)?;
            super::print_line(&rust_i18n::t!(
                "cli.alias.added",
                locale = locale,
                alias = alias.trim(),
                indicator = indicator.name(lang),
                code = indicator.code
            ));
        }
        AliasAction::Remove { alias } => {
            let id = store.remove_alias(alias)?;
            let indicators = store.indicators()?;
            let (name, code) = indicators
                .iter()
                .find(|(i, _)| *i == id)
                .map(|(_, i)| (i.name(lang), i.code.as_str()))
                .unwrap_or_default();
            super::print_line(&rust_i18n::t!(
                "cli.alias.removed",
                locale = locale,
                alias = alias.trim(),
                indicator = name,
                code = code
            ));
        }
        AliasAction::List => list(store, lang)?,
    }
    Ok(())
}

/// Every alias with its indicator's code and name, in the catalogue's order.
fn list(store: &Store, lang: Lang) -> anyhow::Result<()> {
    let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
    let aliases = store.aliases()?;
    if aliases.is_empty() {
        super::print_line(&t("cli.alias.none"));
        return Ok(());
    }
    let mut table = Table::new(vec![
        (t("cli.col.alias"), Align::Left),
        (t("cli.col.code"), Align::Left),
        (t("cli.col.indicator"), Align::Left),
    ]);
    for (id, indicator) in store.indicators()? {
        for (alias, _) in aliases.iter().filter(|(_, of)| *of == id) {
            table.row(vec![
                alias.clone(),
                indicator.code.clone(),
                indicator.name(lang).to_owned(),
            ]);
        }
    }
    super::print_text(&table.render());
    Ok(())
}
