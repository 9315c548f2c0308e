//! `ward-kpi history`: who changed one indicator's plan and figures in a year, when, from where.

use std::str::FromStr as _;

use clap::Args;

use super::table::{Align, Table};
use crate::domain::Lang;
use crate::domain::number::NumberStyle;
use crate::store::Store;

/// Arguments of `ward-kpi history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The year.
    #[arg(long, allow_negative_numbers = true)]
    pub year: super::year::YearArg,
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
    let year = args.year.check(lang)?;
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
    // The values' changes, and the locks and restores of the year among them, by time.
    let mut rows: Vec<(jiff::Timestamp, Vec<String>)> = Vec::new();
    for entry in entries {
        let at = jiff::Timestamp::from_str(&entry.at).unwrap_or_default();
        let note = match (&entry.old_note, &entry.new_note) {
            (old, Some(new)) if old.as_ref() != Some(new) && !new.is_empty() => new.clone(),
            _ => String::new(),
        };
        rows.push((
            at,
            vec![
                local(at),
                entry.who.clone(),
                entry.origin_name(lang),
                entry.slot_name(lang),
                entry.old_shown(style),
                entry.new_shown(style),
                note,
            ],
        ));
    }
    for stored in store.locks(Some(year), Some(unit_id))? {
        let lock = &stored.lock;
        let what = lock.part.name(lang);
        rows.push((
            lock.locked.at,
            vec![
                local(lock.locked.at),
                lock.locked.who.clone(),
                t("cli.locks.locked"),
                what.clone(),
                String::new(),
                String::new(),
                lock.locked.reason.clone(),
            ],
        ));
        if let Some(unlocked) = &lock.unlocked {
            rows.push((
                unlocked.at,
                vec![
                    local(unlocked.at),
                    unlocked.who.clone(),
                    t("cli.locks.unlocked"),
                    what,
                    String::new(),
                    String::new(),
                    unlocked.reason.clone(),
                ],
            ));
        }
    }
    for restore in store.restores()? {
        rows.push((
            restore.at,
            vec![
                local(restore.at),
                restore.who.clone(),
                t("cli.history.restored"),
                String::new(),
                String::new(),
                String::new(),
                restore.source.clone(),
            ],
        ));
    }
    rows.sort_by_key(|(at, _)| *at);
    for (_, row) in rows {
        table.row(row);
    }
    super::print_text(&table.render());
    Ok(())
}

/// A time in the local zone, as the tables show it: "30/11/2026 14:05:03".
fn local(at: jiff::Timestamp) -> String {
    at.to_zoned(jiff::tz::TimeZone::system())
        .strftime("%d/%m/%Y %H:%M:%S")
        .to_string()
}
