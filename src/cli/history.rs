//! `ward-kpi history`: who changed one indicator's plan and figures in a year, when, from where.

use std::str::FromStr as _;

use clap::Args;
use rust_decimal::Decimal;

use super::table::{Align, Table};
use crate::domain::number::{self, NumberStyle};
use crate::domain::{Lang, plan};
use crate::store::Store;

/// Arguments of `ward-kpi history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The year.
    #[arg(long)]
    pub year: i16,
    /// The indicator's code.
    #[arg(long)]
    pub indicator: String,
    /// The ward's statistics code [default: the database's ward].
    #[arg(long)]
    pub ward: Option<String>,
}

pub fn run(
    store: &Store,
    args: &HistoryArgs,
    lang: Lang,
    style: NumberStyle,
) -> anyhow::Result<()> {
    let year = super::check_year(args.year, lang)?;
    let (unit_id, unit) = super::ward(store, args.ward.as_deref(), year)?;
    let (indicator_id, indicator) = store.indicator(&args.indicator)?;
    let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
    let entries = store.history(unit_id, indicator_id, year)?;
    super::print_line(&rust_i18n::t!(
        "cli.history_title",
        locale = lang.code(),
        indicator = indicator.name(lang),
        unit = unit.name,
        year = year
    ));
    if entries.is_empty() {
        super::print_line(&t("cli.no_history"));
        return Ok(());
    }
    let mut table = Table::new(vec![
        (t("cli.col.when"), Align::Left),
        (t("cli.col.who"), Align::Left),
        (t("cli.col.origin"), Align::Left),
        (t("cli.col.what"), Align::Left),
        (t("cli.col.old"), Align::Right),
        (t("cli.col.new"), Align::Right),
        (t("cli.col.note"), Align::Left),
    ]);
    let tz = jiff::tz::TimeZone::system();
    for entry in entries {
        let when = jiff::Timestamp::from_str(&entry.at)
            .map(|ts| {
                ts.to_zoned(tz.clone())
                    .strftime("%d/%m/%Y %H:%M:%S")
                    .to_string()
            })
            .unwrap_or(entry.at.clone());
        let (kind, which) = entry.slot.split_once(':').unwrap_or((&entry.slot, ""));
        let what = t(&format!("cli.slot.{kind}.{which}"));
        let note = match (&entry.old_note, &entry.new_note) {
            (old, Some(new)) if old.as_ref() != Some(new) && !new.is_empty() => new.clone(),
            _ => String::new(),
        };
        table.row(vec![
            when,
            entry.who,
            t(&format!("cli.origin.{}", entry.origin)),
            what,
            shown(entry.old_value.as_deref(), entry.old_text.as_deref(), style),
            shown(entry.new_value.as_deref(), entry.new_text.as_deref(), style),
            note,
        ]);
    }
    super::print_text(&table.render());
    Ok(())
}

/// A logged value in the output number style ("2.809,8", a band "6,6–6,8", "–" for none); a
/// plan in words as it was typed ("Dưới 3%"), its number alone saying less.
fn shown(value: Option<&str>, text: Option<&str>, style: NumberStyle) -> String {
    let Some(value) = value else {
        return "–".to_owned();
    };
    if let Some(text) = text.filter(|t| plan::is_worded(t)) {
        return text.to_owned();
    }
    value
        .split('–')
        .map(|part| {
            Decimal::from_str(part)
                .map_or_else(|_| part.to_owned(), |d| number::format_exact(d, style))
        })
        .collect::<Vec<_>>()
        .join("–")
}
