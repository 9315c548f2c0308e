//! `ward-kpi handout`: the plans a province (or, before 1/7/2025, a city) hands down to its
//! wards, written as one file per ward that the ward's own ward-kpi imports (`ward-kpi import
//! FILE`: the plans arrive as "KH tỉnh giao", or "KH thành phố giao" before 2025), or as one
//! workbook; and the wards' plans added up against the parent's own plan, per indicator.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;

use super::table::{Align, Table};
use crate::domain::Locale;
use crate::domain::allocation::{Allocation, Handout};
use crate::domain::number::{self, NumberStyle};
use crate::store::Store;

/// Arguments of `ward-kpi handout`.
#[derive(Debug, Args)]
pub struct HandoutArgs {
    /// The plan year.
    #[arg(long, allow_negative_numbers = true)]
    pub year: super::year::YearArg,
    /// The unit handing the plans down: a province, or a city before 1/7/2025 [default: the
    /// province of the home ward].
    #[arg(long, value_name = "CODE")]
    pub parent: Option<String>,
    /// A folder for one file per ward, or with --one-workbook the workbook's file.
    #[arg(short, long, value_name = "FOLDER|FILE")]
    pub output: PathBuf,
    /// One workbook: a summary sheet of every ward, then a sheet per ward.
    #[arg(long)]
    pub one_workbook: bool,
}

pub fn run(store: &Store, args: &HandoutArgs, locale: Locale) -> anyhow::Result<()> {
    let lang = locale.lang;
    let year = args.year.check(lang)?;
    let parent = match &args.parent {
        Some(code) => code.clone(),
        None => province_of_home_ward(store, year)?,
    };
    let handout = store.handout(&parent, year)?;
    anyhow::ensure!(
        !handout.wards.is_empty(),
        rust_i18n::t!(
            "handout.no_wards",
            locale = lang.code(),
            parent = handout.parent.name,
            year = year
        )
    );
    super::print_line(&rust_i18n::t!(
        "handout.allocation_heading",
        locale = lang.code(),
        parent = handout.parent.name,
        year = year
    ));
    super::print_text(&allocation_table(&handout, locale).render());
    let with_plans = handout.wards.iter().filter(|w| w.has_plans()).count();
    anyhow::ensure!(
        with_plans > 0,
        rust_i18n::t!(
            "handout.nothing",
            locale = lang.code(),
            parent = handout.parent.name,
            year = year
        )
    );
    let without: Vec<String> = handout
        .wards
        .iter()
        .filter(|w| !w.has_plans())
        .map(|w| format!("{} ({})", w.unit.name, w.unit.code))
        .collect();
    if !without.is_empty() {
        eprintln!(
            "ward-kpi: {}",
            rust_i18n::t!(
                "handout.without_plans",
                locale = lang.code(),
                year = year,
                wards = without.join(", ")
            )
        );
    }
    if args.one_workbook {
        crate::export::handout::write_workbook(&handout, &args.output, lang)?;
        super::print_line(&rust_i18n::t!(
            "handout.written_one",
            locale = lang.code(),
            year = year,
            wards = with_plans,
            path = args.output.display()
        ));
    } else {
        let files = crate::export::handout::write_per_ward(&handout, &args.output, lang)?;
        super::print_line(&rust_i18n::t!(
            "handout.written",
            locale = lang.code(),
            files = files.len(),
            year = year,
            wards = with_plans,
            path = args.output.display()
        ));
    }
    Ok(())
}

/// The province the home ward reports to in `year`, up its chain of parents.
fn province_of_home_ward(store: &Store, year: i16) -> anyhow::Result<String> {
    let home = crate::startup::home_ward(store)?;
    let (_, mut unit) = store.unit_for(&home, year)?;
    while let Some(parent) = unit.parent_code.clone() {
        unit = store
            .unit_for(&parent, year)
            .with_context(|| format!("{home} → {parent}"))?
            .1;
    }
    Ok(unit.code)
}

/// Per indicator: the parent's plan, the wards' total, how many wards have a plan, the share
/// assigned and the balance.
fn allocation_table(handout: &Handout, locale: Locale) -> Table {
    let lang = locale.lang;
    let style = NumberStyle::from(locale);
    let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
    let mut table = Table::new(vec![
        (t("handout.col.indicator"), Align::Left),
        (t("handout.col.unit"), Align::Left),
        (t("handout.col.own"), Align::Right),
        (t("handout.col.total"), Align::Right),
        (t("handout.col.wards"), Align::Right),
        (t("handout.col.share"), Align::Right),
        (t("handout.col.balance"), Align::Left),
    ]);
    for (indicator, allocation) in handout.indicators.iter().zip(handout.allocations()) {
        let Allocation {
            own,
            summed,
            unsummable,
            wards,
            ..
        } = allocation;
        let amount = |v| number::format_exact(v, style);
        table.row(vec![
            indicator.name(lang).to_owned(),
            indicator.unit.symbol_in(lang).to_owned(),
            own.map(amount).unwrap_or_default(),
            // A rate's plans are not added up: no total beside "không cộng (tỷ lệ)".
            allocation.summed_total().map(amount).unwrap_or_default(),
            format!("{}/{wards}", summed + unsummable),
            allocation
                .share_percent()
                .map(|p| number::format_percent(p.round_dp(1), style))
                .unwrap_or_default(),
            allocation.verdict(indicator, locale),
        ]);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_shows_the_gap_per_indicator() {
        let dir = tempfile::tempdir().expect("a folder");
        let store = crate::demo::create_empty(&dir.path().join("p.db")).expect("a database");
        let handout = store.handout("11", 2026).expect("the handout");
        assert_eq!(handout.wards.len(), 2);
        assert!(handout.indicators.is_empty());
        assert!(
            allocation_table(&handout, crate::domain::Lang::Vi.into())
                .render()
                .contains("Chênh lệch")
        );
    }
}
