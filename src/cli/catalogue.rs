//! `ward-kpi indicators` (with `--aliases`, each one's other names; each one's plausibility
//! rules in a column), `ward-kpi indicators export|import` (the catalogue as a file another
//! database takes, rules included) and `ward-kpi units`: what the database knows.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::table::{Align, Table};
use crate::domain::number::NumberStyle;
use crate::domain::{Aggregation, Indicator, Lang, Locale};
use crate::store::Store;

/// Arguments of `ward-kpi indicators`.
#[derive(Debug, Args)]
pub struct IndicatorsArgs {
    #[command(subcommand)]
    pub action: Option<CatalogueAction>,
    /// Include archived indicators.
    #[arg(long)]
    pub all: bool,
    /// Show each indicator's aliases (its other names in imported tables) on lines under it.
    #[arg(long)]
    pub aliases: bool,
}

/// The catalogue as a file.
#[derive(Debug, Subcommand)]
pub enum CatalogueAction {
    /// Write the catalogue (definitions, plausibility rules; archived ones too) to a JSON file.
    Export {
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Take a catalogue file: new indicators added, known ones (by code) replaced by the
    /// file's definition and rules, in one transaction.
    Import {
        file: PathBuf,
        /// Say what would change, change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Declare how an indicator adds up across wards for a province's or a city's report:
    /// `sum`, `weighted --weight CODE` (an average weighted by another indicator, e.g. the
    /// poverty rate by `households`), or `distribution` (not added up: the wards' spread).
    Aggregate {
        /// The indicator's code.
        code: String,
        #[arg(value_enum)]
        how: How,
        /// The weight's indicator code, for `weighted`.
        #[arg(long, value_name = "CODE")]
        weight: Option<String>,
    },
}

/// How an indicator adds up, as `indicators aggregate` takes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum How {
    Sum,
    Weighted,
    Distribution,
}

pub fn indicators(
    store: &Store,
    args: &IndicatorsArgs,
    lang: Lang,
    style: NumberStyle,
) -> anyhow::Result<()> {
    match &args.action {
        Some(CatalogueAction::Export { output }) => return export(store, output, lang),
        Some(CatalogueAction::Import { file, dry_run }) => {
            return import(store, file, *dry_run, lang);
        }
        Some(CatalogueAction::Aggregate { code, how, weight }) => {
            return aggregate(store, code, *how, weight.as_deref(), lang);
        }
        None => {}
    }
    let locale = Locale { lang, style };
    let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
    let mut table = Table::new(vec![
        (t("cli.col.code"), Align::Left),
        (t("cli.col.indicator"), Align::Left),
        (t("cli.col.unit"), Align::Left),
        (t("cli.col.direction"), Align::Left),
        (t("cli.col.kind"), Align::Left),
        (t("cli.col.precision"), Align::Right),
        (t("cli.col.rules"), Align::Left),
        (t("cli.col.aggregation"), Align::Left),
    ]);
    let all = store.indicators()?;
    let aliases = if args.aliases {
        store.aliases()?
    } else {
        Vec::new()
    };
    let mut category = None;
    for (id, indicator) in &all {
        let id = *id;
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
            indicator.rules.text(indicator.kind, locale),
            aggregation_text(indicator, &all, lang),
        ]);
        for (alias, _) in aliases.iter().filter(|(_, of)| *of == id) {
            let line = rust_i18n::t!("cli.alias.line", locale = lang.code(), alias = alias);
            table.row(vec![String::new(), line.into_owned()]);
        }
    }
    super::print_text(&table.render());
    Ok(())
}

/// How an indicator adds up, the weight named in the reader's language.
fn aggregation_text(
    indicator: &Indicator,
    all: &[(crate::store::IndicatorId, Indicator)],
    lang: Lang,
) -> String {
    let weight = indicator.aggregation.weight().and_then(|code| {
        all.iter()
            .find(|(_, i)| i.code == code)
            .map(|(_, i)| i.name(lang))
    });
    indicator.aggregation.describe(lang, weight)
}

/// `ward-kpi indicators aggregate CODE sum|weighted --weight CODE|distribution`.
fn aggregate(
    store: &Store,
    code: &str,
    how: How,
    weight: Option<&str>,
    lang: Lang,
) -> anyhow::Result<()> {
    let aggregation = match (how, weight) {
        (How::Sum, None) => Aggregation::Sum,
        (How::Distribution, None) => Aggregation::Distribution,
        (How::Weighted, Some(weight)) => Aggregation::Weighted {
            weight: weight.trim().to_owned(),
        },
        (How::Weighted, None) => {
            anyhow::bail!(rust_i18n::t!(
                "cli.aggregate.needs_weight",
                locale = lang.code()
            ))
        }
        (_, Some(_)) => {
            anyhow::bail!(rust_i18n::t!(
                "cli.aggregate.weight_only",
                locale = lang.code()
            ))
        }
    };
    let (_, mut indicator) = store.indicator(code)?;
    indicator.aggregation = aggregation;
    store.update_indicator(&indicator)?;
    let all = store.indicators()?;
    super::print_line(&rust_i18n::t!(
        "cli.aggregate.done",
        locale = lang.code(),
        name = indicator.name(lang),
        how = aggregation_text(&indicator, &all, lang)
    ));
    Ok(())
}

/// `ward-kpi indicators export -o FILE`.
fn export(store: &Store, output: &std::path::Path, lang: Lang) -> anyhow::Result<()> {
    let list: Vec<_> = store.indicators()?.into_iter().map(|(_, i)| i).collect();
    crate::export::catalogue::write(output, &list)?;
    super::print_line(&rust_i18n::t!(
        "cli.catalogue.exported",
        locale = lang.code(),
        count = list.len(),
        file = output.display()
    ));
    Ok(())
}

/// `ward-kpi indicators import FILE [--dry-run]`.
fn import(store: &Store, file: &std::path::Path, dry_run: bool, lang: Lang) -> anyhow::Result<()> {
    let list = crate::import::catalogue::read(file)?;
    let merge = if dry_run {
        let stored = store.indicators()?;
        let mut merge = crate::store::CatalogueMerge::default();
        for indicator in &list {
            match stored.iter().find(|(_, i)| i.code == indicator.code) {
                Some((_, same)) if same == indicator => merge.unchanged += 1,
                Some(_) => merge.updated += 1,
                None => merge.added += 1,
            }
        }
        merge
    } else {
        store.merge_catalogue(&list)?
    };
    let key = if dry_run {
        "cli.catalogue.would_import"
    } else {
        "cli.catalogue.imported"
    };
    super::print_line(&rust_i18n::t!(
        key,
        locale = lang.code(),
        added = merge.added,
        updated = merge.updated,
        unchanged = merge.unchanged
    ));
    Ok(())
}

/// Arguments of `ward-kpi units`.
#[derive(Debug, Args)]
pub struct UnitsArgs {
    /// table (for reading) or json (for scripts: every unit with its code, name, level, parent,
    /// validity, successor and whether it is synthetic).
    #[arg(long, value_enum, default_value_t = UnitsFormat::Table)]
    pub format: UnitsFormat,
}

/// How `ward-kpi units` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum UnitsFormat {
    Table,
    Json,
}

/// A unit as `units --format json` writes it: codes and ISO dates, `null` where none.
#[derive(serde::Serialize)]
struct UnitRow<'a> {
    code: &'a str,
    name: &'a str,
    level: &'static str,
    parent: Option<&'a str>,
    valid_from: Option<String>,
    valid_to: Option<String>,
    successor: Option<&'a str>,
    synthetic: bool,
}

pub fn units(store: &Store, args: &UnitsArgs, lang: Lang) -> anyhow::Result<()> {
    if args.format == UnitsFormat::Json {
        let units = store.units()?;
        let rows: Vec<UnitRow<'_>> = units
            .iter()
            .map(|(_, unit)| UnitRow {
                code: &unit.code,
                name: &unit.name,
                level: unit.level.code(),
                parent: unit.parent_code.as_deref(),
                valid_from: unit.valid_from.map(|d| d.to_string()),
                valid_to: unit.valid_to.map(|d| d.to_string()),
                successor: unit.successor_code.as_deref(),
                synthetic: unit.synthetic,
            })
            .collect();
        super::print_line(&serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
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
