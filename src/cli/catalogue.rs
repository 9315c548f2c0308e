//! `ward-kpi indicators` (with `--aliases`, each one's other names) and `ward-kpi units`: what
//! the database knows.

use clap::Args;

use super::table::{Align, Table};
use crate::domain::Lang;
use crate::store::Store;

/// Arguments of `ward-kpi indicators`.
#[derive(Debug, Args)]
pub struct IndicatorsArgs {
    /// Include archived indicators.
    #[arg(long)]
    pub all: bool,
    /// Show each indicator's aliases (its other names in imported tables) on lines under it.
    #[arg(long)]
    pub aliases: bool,
}

pub fn indicators(store: &Store, args: &IndicatorsArgs, lang: Lang) -> anyhow::Result<()> {
    let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
    let mut table = Table::new(vec![
        (t("cli.col.code"), Align::Left),
        (t("cli.col.indicator"), Align::Left),
        (t("cli.col.unit"), Align::Left),
        (t("cli.col.direction"), Align::Left),
        (t("cli.col.kind"), Align::Left),
        (t("cli.col.precision"), Align::Right),
    ]);
    let aliases = if args.aliases {
        store.aliases()?
    } else {
        Vec::new()
    };
    let mut category = None;
    for (id, indicator) in store.indicators()? {
        if indicator.archived && !args.all {
            continue;
        }
        if category != Some(indicator.category) {
            category = Some(indicator.category);
            table.section(indicator.category.name(lang));
        }
        let mut name = indicator.name(lang).to_owned();
        if indicator.archived {
            name.push_str(&format!(" ({})", t("cli.archived")));
        }
        table.row(vec![
            indicator.code.clone(),
            name,
            indicator.unit.symbol_in(lang).to_owned(),
            t(&format!("direction.{}", indicator.direction.code())),
            t(&format!("kind.{}", indicator.kind.code())),
            indicator.precision.to_string(),
        ]);
        for (alias, _) in aliases.iter().filter(|(_, of)| *of == id) {
            let line = rust_i18n::t!("cli.alias.line", locale = lang.code(), alias = alias);
            table.row(vec![String::new(), line.into_owned()]);
        }
    }
    super::print_text(&table.render());
    Ok(())
}

pub fn units(store: &Store, lang: Lang) -> anyhow::Result<()> {
    let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
    let mut table = Table::new(vec![
        (t("cli.col.code"), Align::Left),
        (t("cli.col.name"), Align::Left),
        (t("cli.col.level"), Align::Left),
        (t("cli.col.parent"), Align::Left),
        (t("cli.col.valid"), Align::Left),
        (t("cli.col.successor"), Align::Left),
    ]);
    for (_, unit) in store.units()? {
        let date = |d: Option<jiff::civil::Date>| d.map(|d| d.strftime("%d/%m/%Y").to_string());
        let valid = match (date(unit.valid_from), date(unit.valid_to)) {
            (None, None) => String::new(),
            (from, to) => format!("{} – {}", from.unwrap_or_default(), to.unwrap_or_default()),
        };
        let mut name = unit.name.clone();
        if unit.synthetic {
            name.push_str(&format!(" [{}]", t("cli.synthetic_mark")));
        }
        table.row(vec![
            unit.code.clone(),
            name,
            t(&format!("level.{}", unit.level.code())),
            unit.parent_code.clone().unwrap_or_default(),
            valid,
            unit.successor_code.clone().unwrap_or_default(),
        ]);
    }
    super::print_text(&table.render());
    Ok(())
}
